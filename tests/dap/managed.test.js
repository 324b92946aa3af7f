// The DAP server on .NET programs (tests/fixtures/cs): source breakpoints bound when their module
// loads, managed stacks, managed steps, function breakpoints, exception breakpoints (all, by
// type, unhandled) with exceptionInfo, threads by name, modules, managed arguments and locals,
// C# expressions evaluated.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const dll = (name) => path.join(L.FIXTURES, 'cs', name, `${name}.dll`);
const src = (name) => path.join(L.FIXTURES, 'cs-src', name, 'Program.cs');
let a;

afterEach(() => L.cleanup(a));

test('Hello: a Program.cs breakpoint binds when the module loads and stops; stack, steps, exit 3',
	async () => {
		a = await L.startAdapter();
		const hello = src('Hello');
		const addLine = L.lineOf(hello, 'int sum = a + b;');
		const retLine = L.lineOf(hello, 'return sum;');
		const callLine = L.lineOf(hello, 'int x = Add(2, 3);');
		await L.launch(a, { program: 'dotnet', args: [dll('Hello')] });
		const set = await a.dc.setBreakpointsRequest({
			source: { path: hello }, breakpoints: [{ line: addLine }],
		});
		const bp = set.body.breakpoints[0];
		assert.equal(bp.verified, false, 'pending until Hello.dll loads');
		await a.dc.configurationDoneRequest();
		const changed = await a.log.next('breakpoint', (e) => e.body.breakpoint.id === bp.id);
		assert.equal(changed.body.breakpoint.verified, true);
		assert.equal(changed.body.breakpoint.line, addLine);
		assert.equal(changed.body.breakpoint.source.path, hello);
		const stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		assert.deepEqual(stop.body.hitBreakpointIds, [bp.id]);
		const tid = stop.body.threadId;
		// the module event came for the program's assembly
		assert.ok(a.log.events('module').some((e) => e.body.module.name === 'Hello.dll'),
			'a module event for Hello.dll');

		const st = await a.dc.stackTraceRequest({ threadId: tid });
		const [f0, f1] = st.body.stackFrames;
		assert.equal(f0.name, 'Fixtures.Program.Add');
		assert.equal(f0.source.path, hello);
		assert.equal(f0.line, addLine);
		assert.equal(f1.name, 'Fixtures.Program.Main');
		assert.equal(f1.line, callLine);
		// paging: one frame from the second on
		const page = await a.dc.stackTraceRequest({ threadId: tid, startFrame: 1, levels: 1 });
		assert.equal(page.body.stackFrames.length, 1);
		assert.equal(page.body.stackFrames[0].name, 'Fixtures.Program.Main');
		assert.equal(page.body.totalFrames, st.body.totalFrames);

		// managed values: arguments and locals by name, a name and a C# expression
		// evaluated, an unknown name refused in C#'s words
		const sc = await a.dc.scopesRequest({ frameId: f0.id });
		assert.deepEqual(sc.body.scopes.map((x) => x.name), ['Locals', 'Arguments']);
		const vars = async (scopeIndex) => (await a.dc.variablesRequest({
			variablesReference: sc.body.scopes[scopeIndex].variablesReference,
		})).body.variables.map((x) => `${x.name}=${x.value}`);
		assert.deepEqual(await vars(1), ['a=2', 'b=3']);
		assert.deepEqual(await vars(0), ['sum=0']);
		const ev = await a.dc.evaluateRequest({ expression: 'b', frameId: f0.id });
		assert.equal(ev.body.result, '3');
		const sum = await a.dc.evaluateRequest({ expression: 'a * 10 + b', frameId: f0.id });
		assert.equal(sum.body.result, '23');
		await assert.rejects(a.dc.evaluateRequest({ expression: 'a + nosuch', frameId: f0.id }),
			/The name 'nosuch' does not exist in the current context/);

		await a.dc.nextRequest({ threadId: tid });
		assert.equal((await a.log.next('stopped')).body.reason, 'step');
		assert.equal((await L.topFrame(a, tid)).line, retLine);
		await a.dc.stepOutRequest({ threadId: tid });
		assert.equal((await a.log.next('stopped')).body.reason, 'step');
		const back = await L.topFrame(a, tid);
		assert.equal(back.name, 'Fixtures.Program.Main');
		assert.equal(back.line, callLine);

		await a.dc.continueRequest({ threadId: tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 3);
		assert.equal(a.log.output('stdout'), 'hello 8\n');
		await L.finish(a);
	});

test('Stepping: function breakpoints, stepIn into a method and stepOut back, threads', async () => {
	a = await L.startAdapter();
	const s = src('Stepping');
	const mark = (m) => L.lineOf(s, `// MARK:${m}`);
	await L.launch(a, { program: dll('Stepping') }); // an assembly as the program: run by dotnet
	const fb = await a.dc.setFunctionBreakpointsRequest({
		breakpoints: [{ name: 'Fixtures.Stepping.Square', hitCondition: '3' }, { name: 'NoSuchMethodAnywhere' }],
	});
	assert.equal(fb.body.breakpoints[0].verified, false);
	assert.equal(fb.body.breakpoints[1].verified, false);
	await a.dc.configurationDoneRequest();
	let stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	const tid = stop.body.threadId;
	let f = await L.topFrame(a, tid);
	assert.equal(f.name, 'Fixtures.Stepping.Square');
	assert.equal(f.line, mark('square'));
	const bound = a.log.events('breakpoint').map((e) => e.body.breakpoint);
	assert.ok(bound.some((b) => b.id === fb.body.breakpoints[0].id && b.verified), 'bound by an event');
	assert.ok(!bound.some((b) => b.id === fb.body.breakpoints[1].id), 'the unknown method never binds');

	// the main thread is listed by its name
	const th = await a.dc.threadsRequest();
	const main = th.body.threads.find((t) => t.id === tid);
	assert.ok(main, 'the stopped thread is in the list');
	assert.match(main.name, /^(dotnet|Stepping)$/);

	// a line breakpoint at the Deposit call; stepIn enters Deposit, stepOut comes back
	await a.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
	await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [{ line: mark('deposit_call') }] });
	await a.dc.continueRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	assert.equal((await L.topFrame(a, tid)).line, mark('deposit_call'));
	await a.dc.stepInRequest({ threadId: tid });
	await a.log.next('stopped', (e) => e.body.reason === 'step');
	f = await L.topFrame(a, tid);
	assert.equal(f.name, 'Fixtures.Account.Deposit');
	assert.equal(f.line, mark('deposit'));
	await a.dc.stepOutRequest({ threadId: tid });
	await a.log.next('stopped', (e) => e.body.reason === 'step');
	f = await L.topFrame(a, tid);
	assert.equal(f.name, 'Fixtures.Stepping.Main');
	assert.equal(f.line, mark('deposit_call'));
	await a.dc.nextRequest({ threadId: tid });
	await a.log.next('stopped', (e) => e.body.reason === 'step');
	assert.equal((await L.topFrame(a, tid)).line, mark('balance'));
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 5);
	assert.equal(a.log.output('stdout'), 'seen 5\n');
	await L.finish(a);
});

test('Throws: exception filter "all" stops at each throw; exceptionInfo; type condition', async () => {
	a = await L.startAdapter();
	const s = src('Throws');
	await L.launch(a, { program: 'dotnet', args: [dll('Throws')] });
	const ex = await a.dc.setExceptionBreakpointsRequest({ filters: ['all'] });
	assert.deepEqual(ex.body.breakpoints.map((b) => b.verified), [true]);
	await a.dc.configurationDoneRequest();
	let stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'exception');
	assert.match(stop.body.description, /System.InvalidOperationException: caught one/);
	const tid = stop.body.threadId;
	let info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.exceptionId, 'System.InvalidOperationException');
	assert.equal(info.body.breakMode, 'always');
	assert.equal(info.body.details.message, 'caught one');
	assert.equal(info.body.details.typeName, 'InvalidOperationException');
	let f = await L.topFrame(a, tid);
	assert.equal(f.name, 'Fixtures.Thrower.Fail');
	assert.equal(f.line, L.lineOf(s, '// MARK:throw'));

	// only FormatException from now on
	const ex2 = await a.dc.setExceptionBreakpointsRequest({
		filters: [], filterOptions: [{ filterId: 'all', condition: 'System.FormatException' }],
	});
	assert.deepEqual(ex2.body.breakpoints.map((b) => b.verified), [true]);
	await a.dc.continueRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'exception');
	info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.exceptionId, 'System.FormatException');
	assert.equal(info.body.details.message, 'also caught');
	f = await L.topFrame(a, tid);
	assert.equal(f.line, L.lineOf(s, '// MARK:format'));
	// the first exception's handler ran in between
	assert.equal(a.log.output('stdout'), 'caught: caught one\n');
	// conditions that are no type list and unknown filters are refused
	const ex3 = await a.dc.setExceptionBreakpointsRequest({
		filters: ['nosuchfilter'], filterOptions: [{ filterId: 'all', condition: 'A; B' }],
	});
	assert.deepEqual(ex3.body.breakpoints.map((b) => b.verified), [false, false]);
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	await L.finish(a);
});

test('Throws unhandled: stops with breakMode unhandled at the throw', async () => {
	a = await L.startAdapter();
	const s = src('Throws');
	await L.launch(a, { program: 'dotnet', args: [dll('Throws'), 'unhandled'] });
	await a.dc.setExceptionBreakpointsRequest({ filters: ['user-unhandled'] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'exception');
	assert.match(stop.body.description, /[Uu]nhandled.*nobody catches this/);
	const info = await a.dc.exceptionInfoRequest({ threadId: stop.body.threadId });
	assert.equal(info.body.breakMode, 'unhandled');
	assert.equal(info.body.exceptionId, 'System.InvalidOperationException');
	const st = await a.dc.stackTraceRequest({ threadId: stop.body.threadId });
	assert.equal(st.body.stackFrames[0].line, L.lineOf(s, '// MARK:throw'));
	assert.equal(st.body.stackFrames[1].name, 'Fixtures.Throws.Main');
	// the handled ones did not stop (no "all" filter)
	assert.equal(a.log.events('stopped').length, 1);
	await L.finish(a); // terminateDebuggee by default for a launch
});

test('stopAtEntry on an apphost stops at the first line of Main', async () => {
	a = await L.startAdapter();
	const hello = src('Hello');
	await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Hello', 'Hello'), stopAtEntry: true });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'entry');
	assert.equal(stop.body.hitBreakpointIds, undefined, 'no breakpoint of the client');
	const f = await L.topFrame(a, stop.body.threadId);
	assert.equal(f.name, 'Fixtures.Program.Main');
	assert.equal(f.line, L.lineOf(hello, 'int x = Add(2, 3);'));
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	assert.equal((await a.log.next('exited')).body.exitCode, 3);
	await L.finish(a);
});
