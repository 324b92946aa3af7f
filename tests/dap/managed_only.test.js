// nativeDebugging: false (managed-only mode): a .NET program debugged with ICorDebug alone. A
// C# breakpoint binds and stops, the stack and locals are there, a step works, the program is
// not traced at the stop (TracerPid 0 for each of its threads), a breakpoint in C source is
// refused with the reason, and the exit code comes through; a native program is refused.
'use strict';
const { test, afterEach } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const src = (name) => path.join(L.FIXTURES, 'cs-src', name, 'Program.cs');
let a;

afterEach(() => L.cleanup(a));

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
