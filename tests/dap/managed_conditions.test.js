// C# through the DAP server: a breakpoint condition in C# (evaluated by the session at each
// hit, without calls), a malformed one refused with the reason; evaluate's context (a hover
// runs no code, repl does); justMyCode false lets stepIn enter framework code without symbols.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const dll = (name) => path.join(L.FIXTURES, 'cs', name, `${name}.dll`);
const src = (name) => path.join(L.FIXTURES, 'cs-src', name, 'Program.cs');
let a;

afterEach(() => L.cleanup(a));

test('a C# condition stops once, where it holds; a hover does not call Next(), repl does',
	async () => {
		a = await L.startAdapter();
		await L.launch(a, { program: 'dotnet', args: [dll('Hello')] });
		// Next runs with Value 5, 6, 7
		const set = await a.dc.setFunctionBreakpointsRequest({
			breakpoints: [{ name: 'Fixtures.Counter.Next', condition: 'Value == 7' }],
		});
		const bp = set.body.breakpoints[0];
		await a.dc.configurationDoneRequest();
		const stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		assert.deepEqual(stop.body.hitBreakpointIds, [bp.id]);
		const f = await L.topFrame(a, stop.body.threadId);
		assert.equal(f.name, 'Fixtures.Counter.Next');
		const ev = (expression, context) =>
			a.dc.evaluateRequest({ expression, frameId: f.id, context });
		assert.equal((await ev('Value', 'watch')).body.result, '7');
		assert.equal((await ev('Value + 1', 'hover')).body.result, '8');
		// hovering over the text of a call runs nothing
		await assert.rejects(ev('Next()', 'hover'),
			/a method call: evaluating for a hover does not run code in the program/);
		await assert.rejects(ev('this.Next()', 'hover'), /does not run code/);
		assert.equal((await ev('Value', 'hover')).body.result, '7', 'Next() did not run');
		// the repl calls it (the breakpoint removed first, as its condition would hold in
		// the call): Value 8, and the program goes on from there
		await a.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
		assert.equal((await ev('Next()', 'repl')).body.result, '8');
		assert.equal((await ev('Value', 'hover')).body.result, '8');
		await a.dc.continueRequest({ threadId: stop.body.threadId });
		assert.equal((await a.log.next('exited')).body.exitCode, 3);
		assert.equal(a.log.events('stopped').length, 1, 'one stop: where Value == 7');
		assert.equal(a.log.output('stdout'), 'hello 9\n');
		await L.finish(a);
	});

test('a malformed C# condition: the breakpoint is not verified and says why', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: 'dotnet', args: [dll('Hello')] });
	const set = await a.dc.setFunctionBreakpointsRequest({
		breakpoints: [{ name: 'Fixtures.Counter.Next', condition: 'Value == ' }],
	});
	const bp = set.body.breakpoints[0];
	assert.equal(bp.verified, false, JSON.stringify(bp));
	assert.match(bp.message, /^Condition 'Value == ' not set: .*CS1733: Expected expression/);
	await a.dc.configurationDoneRequest();
	assert.equal((await a.log.next('exited')).body.exitCode, 3);
	assert.equal(a.log.events('stopped').length, 0);
	assert.equal(a.log.output('stdout'), 'hello 8\n');
	await L.finish(a);
});

// Stops at Stepping's Console.WriteLine line and steps in, with justMyCode as given; returns
// the top frame after the step.
async function stepInAtPrint(justMyCode) {
	const s = src('Stepping');
	const print = L.lineOf(s, '// MARK:print');
	const args = { program: 'dotnet', args: [dll('Stepping')] };
	if (justMyCode !== undefined) args.justMyCode = justMyCode;
	await L.launch(a, args);
	await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [{ line: print }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	const tid = stop.body.threadId;
	assert.equal((await L.topFrame(a, tid)).line, print);
	await a.dc.stepInRequest({ threadId: tid });
	await a.log.next('stopped', (e) => e.body.reason === 'step');
	return { tid, print, top: await L.topFrame(a, tid) };
}

test('justMyCode false: stepIn enters framework code without symbols; by default it does not',
	async () => {
		a = await L.startAdapter();
		let r = await stepInAtPrint(false);
		assert.match(r.top.name, /^System\./, JSON.stringify(r.top));
		assert.ok(!r.top.source || !r.top.source.path, 'no source for framework code');
		const st = await a.dc.stackTraceRequest({ threadId: r.tid });
		const main = st.body.stackFrames.find((f) => f.name === 'Fixtures.Stepping.Main');
		assert.ok(main, 'Main is below');
		assert.equal(main.line, r.print);
		await a.dc.continueRequest({ threadId: r.tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 5);
		assert.equal(a.log.output('stdout'), 'seen 5\n');
		await L.finish(a);

		a = await L.startAdapter();
		r = await stepInAtPrint(undefined);
		assert.equal(r.top.name, 'Fixtures.Stepping.Main', 'Console.WriteLine stepped over');
		assert.equal(r.top.line, r.print + 1);
		await a.dc.continueRequest({ threadId: r.tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 5);
		await L.finish(a);
	});
