// The DAP server on the mixed fixture (tests/fixtures/cs/Interop: C# calling a C library through
// P/Invoke): a C# line breakpoint and a breakpoint in the C function, both set before anything
// loads; at the native stop one stack trace from C through the P/Invoke transition to the C#
// callers with their source paths, the C frame's locals and the C# frame's arguments; the
// program's output; exit 0.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;
afterEach(() => L.cleanup(a));

test('Interop: C# and C breakpoints, one mixed stack, variables on both sides', async () => {
	a = await L.startAdapter();
	const cs = path.join(L.FIXTURES, 'cs-src', 'Interop', 'Program.cs');
	const c = path.join(L.C_SRC, 'greet_lib.c');
	const pinvoke = L.lineOf(cs, 'MARK:pinvoke');
	const firstC = L.lineOf(c, 'int sum = 0;');
	await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Interop', 'Interop') });
	const csBp = await a.dc.setBreakpointsRequest({ source: { path: cs }, breakpoints: [{ line: pinvoke }] });
	const fnBp = await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'greet_compute' }] });
	assert.equal(csBp.body.breakpoints[0].verified, false);
	await a.dc.configurationDoneRequest();

	// the managed stop on the worker thread, at the call into C
	let stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	assert.deepEqual(stop.body.hitBreakpointIds, [csBp.body.breakpoints[0].id]);
	const tid = stop.body.threadId;
	let top = await L.topFrame(a, tid);
	assert.equal(top.name, 'Fixtures.Interop.Compute');
	assert.equal(top.line, pinvoke);
	assert.equal((await L.variablesOf(a, top.id, 'Arguments')).vars.who, '2');

	// the native stop in the C function, same thread
	await a.dc.continueRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	assert.deepEqual(stop.body.hitBreakpointIds, [fnBp.body.breakpoints[0].id]);
	assert.equal(stop.body.threadId, tid);
	const st = await a.dc.stackTraceRequest({ threadId: tid });
	const names = st.body.stackFrames.map((f) => f.name);
	assert.equal(names[0], 'greet_compute');
	assert.equal(st.body.stackFrames[0].source.path, c);
	assert.equal(st.body.stackFrames[0].line, firstC);
	assert.equal(names[1], '[managed-to-native]');
	assert.equal(names[2], 'Fixtures.Interop.Compute');
	assert.equal(st.body.stackFrames[2].source.path, cs);
	assert.equal(st.body.stackFrames[2].line, pinvoke);
	assert.ok(names.includes('[native-to-managed]'), names.join(' | '));
	// variables on both sides of the boundary at this one stop
	assert.ok('sum' in (await L.variablesOf(a, st.body.stackFrames[0].id, 'Locals')).vars);
	const csVars = await L.variablesOf(a, st.body.stackFrames[2].id, 'Arguments');
	assert.equal(csVars.vars.who, '2');

	// the main thread's call: no C# breakpoint left to stop at once it is removed
	await a.dc.setBreakpointsRequest({ source: { path: cs }, breakpoints: [] });
	await a.dc.continueRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	top = await L.topFrame(a, stop.body.threadId);
	assert.equal(top.name, 'greet_compute');
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	const exited = await a.log.next('exited');
	assert.equal(exited.body.exitCode, 0);
	const out = a.log.events('output').filter((e) => e.body.category === 'stdout')
		.map((e) => e.body.output).join('');
	assert.match(out, /main 33 thread 63/);
	await L.finish(a);
});

test('Interop: logpoints on both sides of the boundary',
	async () => {
		a = await L.startAdapter();
		const cs = path.join(L.FIXTURES, 'cs-src', 'Interop', 'Program.cs');
		const c = path.join(L.C_SRC, 'greet_lib.c');
		const visit = L.lineOf(cs, 'MARK:visit');
		const callback = L.lineOf(c, 'MARK:callback');
		await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Interop', 'Interop') });
		await a.dc.setBreakpointsRequest({
			source: { path: cs }, breakpoints: [{ line: visit, logMessage: 'Visit({value})' }],
		});
		await a.dc.setBreakpointsRequest({
			source: { path: c }, breakpoints: [{ line: callback, logMessage: 'C: i={i} total={total}' }],
		});
		await a.dc.configurationDoneRequest();
		await a.log.next('exited');
		assert.ok(!a.log.messages.some((m) => m.event === 'stopped'), 'logpoints never stop');
		const lines = a.log.output('console').split('\n').filter((l) => /^(Visit|C:)/.test(l));
		// C calls Visit(0), Visit(2), Visit(4); each C line is logged before its callback
		assert.deepEqual(lines, ['C: i=0 total=0', 'Visit(0)', 'C: i=1 total=1', 'Visit(2)',
			'C: i=2 total=4', 'Visit(4)']);
		assert.match(a.log.output('stdout'), /main 33 thread 63 visited 9/);
		await L.finish(a);
	});

test('Interop: at a managed stop in the C# callback, the stack shows the C caller and its locals',
	async () => {
		a = await L.startAdapter();
		const cs = path.join(L.FIXTURES, 'cs-src', 'Interop', 'Program.cs');
		const c = path.join(L.C_SRC, 'greet_lib.c');
		const visit = L.lineOf(cs, 'MARK:visit');
		const callback = L.lineOf(c, 'MARK:callback');
		await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Interop', 'Interop') });
		await a.dc.setBreakpointsRequest({ source: { path: cs }, breakpoints: [{ line: visit }] });
		await a.dc.configurationDoneRequest();
		const stop = await a.log.next('stopped');
		const st = await a.dc.stackTraceRequest({ threadId: stop.body.threadId });
		const names = st.body.stackFrames.map((f) => f.name);
		const iVisit = names.indexOf('Fixtures.Interop.Visit');
		const iC = names.indexOf('greet_visit');
		const iMain = names.indexOf('Fixtures.Interop.Main');
		assert.ok(iVisit === 0 && iVisit < iC && iC < iMain, `stack order: ${names.join(' | ')}`);
		const cFrame = st.body.stackFrames[iC];
		assert.equal(cFrame.source.path, c);
		assert.equal(cFrame.line, callback);
		const { vars } = await L.variablesOf(a, cFrame.id, 'Locals');
		assert.equal(vars.i, '0');
		assert.equal(vars.total, '0');
		// the loaded sources: the C library's (DWARF) and the program's (PDB), once each
		const init = a.log.messages.find((m) => m.command === 'initialize');
		assert.equal(init.body.supportsLoadedSourcesRequest, true);
		const sources = (await a.dc.customRequest('loadedSources', {})).body.sources;
		const paths = sources.map((x) => x.path);
		assert.ok(paths.includes(cs), `C# source listed: ${paths.join(' ')}`);
		assert.ok(paths.includes(c), `C source listed: ${paths.join(' ')}`);
		assert.equal(new Set(paths).size, paths.length, 'no duplicates');
		assert.equal(sources.find((x) => x.path === c).name, 'greet_lib.c');
		await a.dc.continueRequest({ threadId: stop.body.threadId });
		await a.log.next('stopped');
		await a.dc.setBreakpointsRequest({ source: { path: cs }, breakpoints: [] });
		await a.dc.continueRequest({ threadId: stop.body.threadId });
		await a.log.next('exited');
		await L.finish(a);
	});
