// The DAP server's set next statement: gotoTargets answers one target for a line with code in
// the current function and an error naming why for others; goto moves the thread there without
// running it (a `stopped` event with reason goto, the top frame on that line), and the program
// then runs from there: in C (jumps.c) and C# (cs/Jumps).
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;

afterEach(() => L.cleanup(a));

// Stops at `from`, asks gotoTargets for `to` and for lines it refuses, goes to `to`, checks the
// stop and the stack, continues and returns the program's output.
async function gotoScenario(launchArgs, source, from, to, refused) {
	a = await L.startAdapter();
	const init = a.log.messages.find((m) => m.command === 'initialize');
	assert.equal(init.body.supportsGotoTargetsRequest, true);
	await L.launch(a, launchArgs);
	await a.dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [{ line: from }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'breakpoint');
	const tid = stop.body.threadId;
	assert.equal((await L.topFrame(a, tid)).line, from);

	for (const [line, why] of refused) {
		await assert.rejects(a.dc.gotoTargetsRequest({ source: { path: source }, line }), why);
	}
	const gt = await a.dc.gotoTargetsRequest({ source: { path: source }, line: to });
	assert.equal(gt.body.targets.length, 1);
	const target = gt.body.targets[0];
	assert.equal(target.line, to);
	assert.equal(target.label, `${path.basename(source)}:${to}`);
	// gotoTargets only looked: the thread is still where it stopped
	assert.equal((await L.topFrame(a, tid)).line, from);
	await assert.rejects(a.dc.gotoRequest({ threadId: tid, targetId: 9999 }),
		/no goto target 9999/);
	await assert.rejects(a.dc.gotoRequest({ threadId: 1, targetId: target.id }),
		/no thread 1\b/);

	const moved = a.log.next('stopped', (e) => e.body.reason === 'goto');
	await a.dc.gotoRequest({ threadId: tid, targetId: target.id });
	const ev = await moved;
	assert.equal(ev.body.threadId, tid);
	assert.equal((await L.topFrame(a, tid)).line, to);

	// the breakpoint at `from` is hit again after the jump back, then the program ends
	await a.dc.continueRequest({ threadId: tid });
	const again = await a.log.next('stopped');
	assert.equal(again.body.reason, 'breakpoint');
	assert.equal((await L.topFrame(a, tid)).line, from);
	await a.dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [] });
	await a.dc.continueRequest({ threadId: tid });
	await a.log.next('terminated');
	const out = a.log.output('stdout');
	await L.finish(a);
	return out;
}

test('C: goto back one line runs it again; other functions and lines without code refused',
	async () => {
		const src = path.join(L.C_SRC, 'jumps.c');
		const inc10 = L.lineOf(src, 'MARK:inc10');
		const inc100 = L.lineOf(src, 'MARK:inc100');
		const compute = L.lineOf(src, 'MARK:compute');
		const out = await gotoScenario({ program: path.join(L.FIXTURES, 'jumps') }, src, inc100,
			inc10, [
				[compute, /line \d+ is in compute\(\), not in count\(\)/],
				[inc100 + 1, /has no code \(the next line with code is \d+\)/],
			]);
		assert.match(out, /^counter=121$/m);
	});

test('C#: goto back one line runs it again; other methods, finally blocks refused', async () => {
	const src = path.join(L.FIXTURES, 'cs-src', 'Jumps', 'Program.cs');
	const inc10 = L.lineOf(src, 'MARK:inc10');
	const inc100 = L.lineOf(src, 'MARK:inc100');
	const other = L.lineOf(src, 'MARK:other');
	const fin = L.lineOf(src, 'MARK:finally');
	const dll = path.join(L.FIXTURES, 'cs', 'Jumps', 'Jumps.dll');
	const out = await gotoScenario({ program: 'dotnet', args: [dll] }, src, inc100, inc10, [
		[other, /line \d+ is in Fixtures.Jumps.Other\(\), not in Fixtures.Jumps.Counting\(\)/],
		[fin, /CORDBG_E_CANT_SET_IP_INTO_FINALLY/],
	]);
	assert.match(out, /^counter=121$/m);
});
