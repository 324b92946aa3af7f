// Attaching to a running .NET program (tests/fixtures/cs/Waiter) by processId: threads by
// name, pause while it runs, a breakpoint set while it runs, disconnect leaving it running.
'use strict';
const { test, after } = require('node:test');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a, waiter, dir;

after(() => {
	L.cleanup(a);
	if (waiter) waiter.kill('SIGKILL');
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Waits until the program has ticked past `from` (it runs); false after timeout ms.
async function ticksGrow(file, from, timeout = 20000) {
	const end = Date.now() + timeout;
	while (Date.now() < end) {
		if (tickCount(file) > from) return true;
		await L.sleep(50);
	}
	return false;
}

function tickCount(file) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('tick')).length;
	} catch (e) {
		return 0;
	}
}

test('attach, threads, pause, breakpoint while running, disconnect leaves it running', async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mixdbg-dap-'));
	const ready = path.join(dir, 'ready');
	const app = path.join(L.FIXTURES, 'cs', 'Waiter', 'Waiter');
	const s = path.join(L.FIXTURES, 'cs-src', 'Waiter', 'Program.cs');
	waiter = L.cp.spawn(app, [ready], { stdio: 'ignore' });
	const text = await L.waitFile(ready, /^ready \d+/);
	const pid = Number(text.split(' ')[1]);
	assert.equal(pid, waiter.pid);

	a = await L.startAdapter();
	const init = a.log.next('initialized');
	await a.dc.attachRequest({ processId: String(pid) }); // a string, as ${command:pickProcess} gives
	await init;
	await a.dc.configurationDoneRequest();
	// attaching showed no stop; the program runs
	const cont = await a.log.next('continued');
	assert.equal(cont.body.allThreadsContinued, true);
	const ticks = `${ready}.ticks`;
	assert.ok(await ticksGrow(ticks, tickCount(ticks)), 'it runs after configurationDone');

	const th = await a.dc.threadsRequest(); // answered while it runs
	const names = th.body.threads.map((t) => t.name);
	for (const n of ['waiter0', 'waiter1', 'waiter2', 'waiter3'])
		assert.ok(names.includes(n), `thread ${n} in ${names.join(', ')}`);
	assert.ok(th.body.threads.some((t) => t.id === pid), 'the main thread by its id');

	await a.dc.pauseRequest({ threadId: pid });
	let stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'pause');
	const st = await a.dc.stackTraceRequest({ threadId: pid });
	assert.ok(st.body.stackFrames.some((f) => f.name === 'Fixtures.Waiter.Main' && f.source &&
		f.source.path === s), JSON.stringify(st.body.stackFrames.map((f) => f.name)));
	const paused = tickCount(ticks);
	await L.sleep(300);
	assert.equal(tickCount(ticks), paused, 'no ticks while paused');

	await a.dc.continueRequest({ threadId: pid });
	await L.sleep(200);
	// a breakpoint in Tick set while it runs is bound at once and hit
	const line = L.lineOf(s, '// MARK:tick');
	const set = await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [{ line }] });
	assert.equal(set.body.breakpoints[0].verified, true);
	assert.equal(set.body.breakpoints[0].line, line);
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	const f = await L.topFrame(a, stop.body.threadId);
	assert.equal(f.name, 'Fixtures.Waiter.Tick');
	assert.equal(f.line, line);

	// disconnect while it runs: detach (the default after attach); the program ticks on
	await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [] });
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	await L.sleep(300);
	await L.finish(a);
	assert.ok(await ticksGrow(ticks, tickCount(ticks)), 'it runs on after disconnect');
	assert.equal(L.processAlive(pid), true);
});
