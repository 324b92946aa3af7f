// Native programs through the DAP server: attaching by processId to a running sleeper
// (tests/fixtures/sleeper.c) started here, a breakpoint hit after the attach, disconnect
// leaving the process running; and thread events (started, exited) for the threads fixture's
// workers.
'use strict';
const { test, after, afterEach } = require('node:test');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a, sleeper, dir;

afterEach(() => L.cleanup(a));
after(() => {
	if (sleeper && sleeper.exitCode === null) sleeper.kill('SIGKILL');
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function tickLines(file) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('tick')).length;
	} catch (e) {
		return 0;
	}
}

// Whether the sleeper writes another tick line (one a second) within timeout ms.
async function ticksGrow(file, timeout = 5000) {
	const from = tickLines(file);
	const end = Date.now() + timeout;
	while (Date.now() < end) {
		if (tickLines(file) > from) return true;
		await L.sleep(50);
	}
	return false;
}

test('attach to a running program, a breakpoint hit, disconnect leaves it running', async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mixdbg-dap-'));
	const ticks = path.join(dir, 'ticks');
	sleeper = L.cp.spawn(path.join(L.FIXTURES, 'sleeper'), [ticks], { stdio: ['ignore', 'pipe', 'ignore'] });
	let out = '';
	sleeper.stdout.on('data', (d) => { out += d.toString(); });
	for (let i = 0; i < 200 && !/ready/.test(out); i++) await L.sleep(25);
	assert.match(out, new RegExp(`^pid ${sleeper.pid} ready`));

	a = await L.startAdapter();
	const init = a.log.next('initialized');
	await a.dc.attachRequest({ processId: sleeper.pid });
	await init;
	const set = await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'tick' }] });
	assert.equal(set.body.breakpoints[0].verified, true, 'bound at once: the program is there');
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint', 'the attach itself shows no stop');
	assert.equal(stop.body.threadId, sleeper.pid, 'tick runs on the main thread');
	const f = await L.topFrame(a, stop.body.threadId);
	assert.equal(f.name, 'tick');
	const n = Number((await a.dc.evaluateRequest({ expression: 'n', frameId: f.id })).body.result);
	assert.ok(n > 0, `tick's argument: ${n}`);
	const th = await a.dc.threadsRequest();
	assert.equal(th.body.threads.length, 4, 'main and three spinners');
	// stopped: no ticks
	const held = tickLines(ticks);
	await L.sleep(1300);
	assert.equal(tickLines(ticks), held, 'no ticks while stopped');

	await a.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	await L.finish(a); // an attached program runs on by default
	assert.match(a.log.output('console'), new RegExp(`detached from process ${sleeper.pid}`));
	assert.equal(L.processAlive(sleeper.pid), true, 'it runs on');
	assert.ok(await ticksGrow(ticks), 'and still ticks');
	// no longer traced: SIGTERM reaches its handler, which prints the ticks and exits 0
	const exited = new Promise((r) => sleeper.once('exit', (code, sig) => r({ code, sig })));
	sleeper.kill('SIGTERM');
	const res = await exited;
	assert.deepEqual(res, { code: 0, sig: null });
	assert.match(out, /bye \d+/);
});

test('thread events: each worker thread started and exited', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: path.join(L.FIXTURES, 'threads'), args: ['3', '2'] });
	await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'worker_hit' }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	const tid = stop.body.threadId;
	const started = a.log.events('thread').filter((e) => e.body.reason === 'started');
	assert.ok(started.some((e) => e.body.threadId === tid),
		`a started event for ${tid}, the thread at the breakpoint`);
	const th = await a.dc.threadsRequest();
	assert.match(th.body.threads.find((t) => t.id === tid).name, /^worker-[0-2]$/);
	await a.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	assert.equal(a.log.output('stdout'), 'total=6003\n'); // K*1000*T(T-1)/2 + T*K(K-1)/2
	const events = a.log.events('thread');
	const workers = [...new Set(events.filter((e) => e.body.reason === 'started')
		.map((e) => e.body.threadId))];
	assert.equal(workers.length, 3, JSON.stringify(events.map((e) => e.body)));
	for (const w of workers) {
		const i = events.findIndex((e) => e.body.threadId === w && e.body.reason === 'started');
		const j = events.findIndex((e) => e.body.threadId === w && e.body.reason === 'exited');
		assert.ok(j > i, `thread ${w} exited after it started`);
	}
	await L.finish(a);
});
