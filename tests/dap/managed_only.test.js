// nativeDebugging: false (managed-only mode): a .NET program debugged with ICorDebug alone. A
// C# breakpoint binds and stops, the stack and locals are there, a step works, the program is
// not traced at the stop (TracerPid 0 for each of its threads), a breakpoint in C source is
// refused with the reason, and the exit code comes through; a native program is refused.
// Attached with nativeDebugging false: pause, a breakpoint set while it runs, disconnect
// leaving it running untraced.
'use strict';
const { test, afterEach } = require('node:test');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const src = (name) => path.join(L.FIXTURES, 'cs-src', name, 'Program.cs');
let a, waiter, dir;

afterEach(() => {
	L.cleanup(a);
	if (waiter) waiter.kill('SIGKILL');
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
	waiter = dir = undefined;
});

function tickCount(file) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('tick')).length;
	} catch (e) {
		return 0;
	}
}

async function ticksGrow(file, from, timeout = 20000) {
	const end = Date.now() + timeout;
	while (Date.now() < end) {
		if (tickCount(file) > from) return true;
		await L.sleep(50);
	}
	return false;
}

function tracedThreads(pid) {
	return fs.readdirSync(`/proc/${pid}/task`).filter((tid) => {
		const st = fs.readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
		return !/^TracerPid:\s+0$/m.test(st);
	}).length;
}

test('Hello with nativeDebugging false: breakpoint, stack, locals, step, untraced, exit 3',
	async () => {
		a = await L.startAdapter();
		const hello = src('Hello');
		const addLine = L.lineOf(hello, 'int sum = a + b;');
		const retLine = L.lineOf(hello, 'return sum;');
		await L.launch(a, {
			program: path.join(L.FIXTURES, 'cs', 'Hello', 'Hello'), nativeDebugging: false,
		});
		const set = await a.dc.setBreakpointsRequest({
			source: { path: hello }, breakpoints: [{ line: addLine }],
		});
		const bp = set.body.breakpoints[0];
		const native = await a.dc.setBreakpointsRequest({
			source: { path: path.join(L.root, 'tests', 'fixtures', 'tricky.c') },
			breakpoints: [{ line: 10 }],
		});
		assert.equal(native.body.breakpoints[0].verified, false);
		assert.match(native.body.breakpoints[0].message, /need mixed mode/);
		await a.dc.configurationDoneRequest();
		const stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		assert.deepEqual(stop.body.hitBreakpointIds, [bp.id]);
		const tid = stop.body.threadId; // the main thread: its id is the process id
		assert.equal(tracedThreads(tid), 0, 'no thread of the program is traced at the stop');

		const st = await a.dc.stackTraceRequest({ threadId: tid });
		assert.equal(st.body.stackFrames[0].name, 'Fixtures.Program.Add');
		assert.equal(st.body.stackFrames[0].line, addLine);
		assert.equal(st.body.stackFrames[1].name, 'Fixtures.Program.Main');
		const { vars } = await L.variablesOf(a, st.body.stackFrames[0].id, 'Arguments');
		assert.deepEqual(vars, { a: '2', b: '3' });

		await a.dc.nextRequest({ threadId: tid });
		assert.equal((await a.log.next('stopped')).body.reason, 'step');
		assert.equal((await L.topFrame(a, tid)).line, retLine);

		await a.dc.continueRequest({ threadId: tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 3);
		assert.equal(a.log.output('stdout'), 'hello 8\n');
		await L.finish(a);
	});

test('nativeDebugging false on a native program: refused at configurationDone, said, terminated', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: path.join(L.FIXTURES, 'loop'), nativeDebugging: false });
	await a.dc.configurationDoneRequest();
	await a.log.next('terminated');
	assert.match(a.log.output('important'), /managed-only mode debugs \.NET programs and .*loop is not one/);
	assert.equal(a.log.events('exited').length, 0, 'it never ran');
	await L.finish(a);
});

test('attach with nativeDebugging false: pause, breakpoint while running, disconnect, untraced',
	async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mixdbg-dap-'));
		const ready = path.join(dir, 'ready');
		const ticks = `${ready}.ticks`;
		const s = path.join(L.FIXTURES, 'cs-src', 'Waiter', 'Program.cs');
		waiter = L.cp.spawn(path.join(L.FIXTURES, 'cs', 'Waiter', 'Waiter'), [ready],
			{ stdio: 'ignore' });
		const pid = Number((await L.waitFile(ready, /^ready \d+/)).split(' ')[1]);
		a = await L.startAdapter();
		const init = a.log.next('initialized');
		await a.dc.attachRequest({ processId: pid, nativeDebugging: false });
		await init;
		await a.dc.configurationDoneRequest();
		assert.ok(await ticksGrow(ticks, tickCount(ticks)), 'it runs after configurationDone');
		assert.equal(tracedThreads(pid), 0, 'running untraced');

		await a.dc.pauseRequest({ threadId: pid });
		assert.equal((await a.log.next('stopped')).body.reason, 'pause');
		assert.equal(tracedThreads(pid), 0, 'paused by the runtime, untraced');
		const paused = tickCount(ticks);
		await L.sleep(300);
		assert.equal(tickCount(ticks), paused, 'no ticks while paused');
		await a.dc.continueRequest({ threadId: pid });
		await L.sleep(200);
		const line = L.lineOf(s, '// MARK:tick');
		const set = await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [{ line }] });
		assert.equal(set.body.breakpoints[0].verified, true);
		const stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		assert.equal((await L.topFrame(a, stop.body.threadId)).name, 'Fixtures.Waiter.Tick');

		await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [] });
		await a.dc.continueRequest({ threadId: stop.body.threadId });
		await L.sleep(300);
		await L.finish(a);
		assert.ok(await ticksGrow(ticks, tickCount(ticks)), 'it runs on after disconnect');
		assert.equal(tracedThreads(pid), 0, 'left untraced');
	});
