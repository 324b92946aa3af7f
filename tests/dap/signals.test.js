// Native signals as an exception filter (`signals`, src/dap/dap_signals.c) on
// tests/fixtures/signals.c, which sends itself SIGUSR1, SIGUSR2, SIGALRM and SIGTRAP three
// times each and counts what its handler got: off, no signal stops and each still reaches the
// program; on, the signals gdb stops at stop (SIGUSR1, SIGUSR2, not SIGALRM or SIGTRAP); with
// a condition, only those named; a bad name is refused. A native crash stops either way.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const signals = path.join(L.FIXTURES, 'signals');
const ALL_DELIVERED = 'usr1=3 usr2=3 alrm=3 trap=3\n';
let a;

afterEach(() => L.cleanup(a));

// The next stopped or exited event.
async function nextStopOrExit(a) {
	const end = Date.now() + L.TIMEOUT;
	for (;;) {
		const m = a.log.find('stopped', () => true) || a.log.find('exited', () => true);
		if (m) return m;
		assert.ok(Date.now() < end, `no stop or exit; events: ${a.log.summary()}`);
		await L.sleep(20);
	}
}

// Continues from every stop until the program exits; returns the signals it stopped for.
async function runToExit(a) {
	const seen = [];
	for (;;) {
		const ev = await nextStopOrExit(a);
		if (ev.event === 'exited') {
			assert.equal(ev.body.exitCode, 0);
			return seen;
		}
		assert.equal(ev.body.reason, 'exception');
		const info = await a.dc.exceptionInfoRequest({ threadId: ev.body.threadId });
		assert.match(ev.body.description, new RegExp(`^Signal ${info.body.exceptionId} \\(`));
		seen.push(info.body.exceptionId);
		await a.dc.continueRequest({ threadId: ev.body.threadId });
	}
}

test('the signals filter is offered, with a condition', async () => {
	a = await L.startAdapter();
	const f = a.caps.exceptionBreakpointFilters.find((x) => x.filter === 'signals');
	assert.ok(f, JSON.stringify(a.caps.exceptionBreakpointFilters));
	assert.equal(f.label, 'Native signals');
	assert.equal(f.supportsCondition, true);
	await L.finish(a);
});

test('signals off: none stops, each is shown and reaches the program', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: signals });
	const set = await a.dc.setExceptionBreakpointsRequest({ filters: [] });
	assert.deepEqual(set.body.breakpoints, []);
	await a.dc.configurationDoneRequest();
	assert.deepEqual(await runToExit(a), []);
	await a.log.next('terminated');
	assert.equal(a.log.output('stdout'), ALL_DELIVERED);
	assert.match(a.log.output('console'), /received signal SIGUSR1/);
	await L.finish(a);
});

test('signals on: the default ones stop (USR1, USR2), each is still delivered', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: signals });
	const set = await a.dc.setExceptionBreakpointsRequest({ filters: ['signals'] });
	assert.equal(set.body.breakpoints[0].verified, true);
	await a.dc.configurationDoneRequest();
	const seen = await runToExit(a);
	assert.deepEqual(seen, ['SIGUSR1', 'SIGUSR2', 'SIGUSR1', 'SIGUSR2', 'SIGUSR1', 'SIGUSR2']);
	assert.equal(a.log.output('stdout'), ALL_DELIVERED);
	await L.finish(a);
});

test('a condition names the signals that stop; a bad name is refused and changes nothing',
	async () => {
		a = await L.startAdapter();
		await L.launch(a, { program: signals });
		// SIGALRM (quiet by default) stops when named; SIGUSR2 (stops by default) does not
		const set = await a.dc.setExceptionBreakpointsRequest({
			filters: [], filterOptions: [{ filterId: 'signals', condition: 'alrm,SIGUSR1' }],
		});
		assert.equal(set.body.breakpoints[0].verified, true);
		// then a list with a bad name: refused, the one before stays
		const bad = await a.dc.setExceptionBreakpointsRequest({
			filters: [], filterOptions: [{ filterId: 'signals', condition: 'SIGUSR2, SIGNOPE' }],
		});
		assert.equal(bad.body.breakpoints[0].verified, false);
		assert.match(bad.body.breakpoints[0].message, /'SIGNOPE' is not a signal/);
		await a.dc.configurationDoneRequest();
		const seen = await runToExit(a);
		assert.deepEqual(seen, ['SIGUSR1', 'SIGALRM', 'SIGUSR1', 'SIGALRM', 'SIGUSR1', 'SIGALRM']);
		assert.equal(a.log.output('stdout'), ALL_DELIVERED);
		await L.finish(a);
	});

test('signals off: a crash in native code still stops', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: path.join(L.FIXTURES, 'crash'), args: ['segv'] });
	await a.dc.setExceptionBreakpointsRequest({ filters: [] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'exception');
	assert.match(stop.body.description, /^Signal SIGSEGV \(Segmentation fault\) at address 0x/);
	assert.equal((await L.topFrame(a, stop.body.threadId)).name, 'do_crash');
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	assert.equal((await a.log.next('exited')).body.exitCode, 128 + 11);
	await L.finish(a);
});
