// Hit conditions in the forms editors write them ("== N", ">= N", "> N", "<= N", "< N", "% N",
// a bare N as ">= N"), on C and C# loops, and logpoints hit during a step: the line is logged
// and the step goes on to its end.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;
afterEach(() => L.cleanup(a));

const csSrc = (name) => path.join(L.FIXTURES, 'cs-src', name, 'Program.cs');
const evalIn = async (frameId, expression) =>
	(await a.dc.evaluateRequest({ expression, frameId })).body.result;

test('C: "% 3" and "== 4" pick their hits; malformed hit conditions leave the breakpoint unverified',
	async () => {
		a = await L.startAdapter();
		const src = path.join(L.C_SRC, 'loop.c');
		const line = L.lineOf(src, 'counter++;');
		await L.launch(a, { program: path.join(L.FIXTURES, 'loop') });
		const set = await a.dc.setBreakpointsRequest({
			source: { path: src },
			breakpoints: [{ line, hitCondition: '% 3' }],
		});
		const every3 = set.body.breakpoints[0].id;
		const fb = await a.dc.setFunctionBreakpointsRequest({
			breakpoints: [{ name: 'hot', hitCondition: '== 4' }, { name: 'main', hitCondition: '% 0' },
				{ name: 'main', hitCondition: '>= x' }, { name: 'main', hitCondition: '!= 2' }],
		});
		const [eq4, mod0, notNum, badOp] = fb.body.breakpoints;
		assert.equal(mod0.verified, false);
		assert.match(mod0.message, /% 0 would divide by zero/);
		assert.equal(notNum.verified, false);
		assert.match(notNum.message, /'x' is not a count/);
		assert.equal(badOp.verified, false);
		assert.match(badOp.message, /hit condition '!= 2' is not understood: expected a count N, or == N/);
		await a.dc.configurationDoneRequest();
		// hot(i) is hit for i = 0..9: hit k is i = k - 1
		const seen = [];
		for (;;) {
			const ev = await a.log.next('stopped');
			const f = await L.topFrame(a, ev.body.threadId);
			seen.push([ev.body.hitBreakpointIds[0] === every3 ? '%3' : ev.body.hitBreakpointIds[0] === eq4.id ? '==4' : '?',
				await evalIn(f.id, 'i')]);
			if (seen.length === 4) break;
			await a.dc.continueRequest({ threadId: ev.body.threadId });
		}
		assert.deepEqual(seen, [['%3', '2'], ['==4', '3'], ['%3', '5'], ['%3', '8']]);
		await a.dc.continueRequest({ threadId: 0 });
		assert.equal((await a.log.next('exited')).body.exitCode, 0);
		assert.equal(a.log.output('stdout'), 'sum=90 calls=10\n');
		await L.finish(a);
	});

test('C#: "< 3" stops at the first two hits, "> 2" at the third only (Square runs 3 times)', async () => {
	a = await L.startAdapter();
	const s = csSrc('Stepping');
	await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Stepping', 'Stepping.dll') });
	const set = await a.dc.setBreakpointsRequest({
		source: { path: s }, breakpoints: [{ line: L.lineOf(s, '// MARK:square'), hitCondition: '< 3' }],
	});
	const fb = await a.dc.setFunctionBreakpointsRequest({
		breakpoints: [{ name: 'Fixtures.Stepping.Square', hitCondition: '> 2' }, { name: 'Fixtures.Stepping.Square', hitCondition: '=== ' }],
	});
	assert.equal(fb.body.breakpoints[1].verified, false);
	assert.match(fb.body.breakpoints[1].message, /not understood/);
	await a.dc.configurationDoneRequest();
	const seen = [];
	for (let k = 0; k < 3; k++) {
		const ev = await a.log.next('stopped');
		assert.equal(ev.body.reason, 'breakpoint');
		const f = await L.topFrame(a, ev.body.threadId);
		seen.push([ev.body.hitBreakpointIds[0] === set.body.breakpoints[0].id ? 'line<3' : 'func>2',
			await evalIn(f.id, 'v')]);
		await a.dc.continueRequest({ threadId: ev.body.threadId });
	}
	assert.deepEqual(seen, [['line<3', '0'], ['line<3', '1'], ['func>2', '2']]);
	assert.equal((await a.log.next('exited')).body.exitCode, 5);
	await L.finish(a);
});

test('C: a logpoint in a function called on the line stepped over logs, and next ends on the next line',
	async () => {
		a = await L.startAdapter();
		const src = path.join(L.C_SRC, 'stepper.c');
		const callLine = L.lineOf(src, 'int x = add(2, 3);');
		const yLine = L.lineOf(src, 'int y = nodebug_twice(x);');
		await L.launch(a, { program: path.join(L.FIXTURES, 'stepper') });
		await a.dc.setBreakpointsRequest({
			source: { path: src },
			breakpoints: [{ line: callLine }, { line: L.lineOf(src, 'int s = a + b;'), logMessage: 'add({a}, {b}) {nosuch}' }],
		});
		await a.dc.configurationDoneRequest();
		let stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		const tid = stop.body.threadId;
		assert.equal((await L.topFrame(a, tid)).line, callLine);
		await a.dc.nextRequest({ threadId: tid });
		stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'step');
		const f = await L.topFrame(a, tid);
		assert.equal(f.name, 'main');
		assert.equal(f.line, yLine, 'the step went on to its line');
		assert.equal(await evalIn(f.id, 'x'), '5');
		assert.match(a.log.output('console'), /^add\(2, 3\) <.*nosuch.*>$/m);
		assert.equal(a.log.events('stopped').length, 2, 'the logpoint did not stop');
		await a.dc.continueRequest({ threadId: tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 0);
		await L.finish(a);
	});

test('C#: a logpoint in Square hit while stepping over its call logs, and next ends on the loop line',
	async () => {
		a = await L.startAdapter();
		const s = csSrc('Stepping');
		const mark = (m) => L.lineOf(s, `// MARK:${m}`);
		await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Stepping', 'Stepping.dll') });
		await a.dc.setBreakpointsRequest({
			source: { path: s },
			breakpoints: [{ line: mark('loop_body') }, { line: mark('square'), logMessage: 'Square({v}) {v * v}' }],
		});
		await a.dc.configurationDoneRequest();
		let stop = await a.log.next('stopped');
		const tid = stop.body.threadId;
		assert.equal((await L.topFrame(a, tid)).line, mark('loop_body'));
		await a.dc.nextRequest({ threadId: tid });
		stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'step');
		const f = await L.topFrame(a, tid);
		assert.equal(f.name, 'Fixtures.Stepping.Main');
		assert.equal(f.line, mark('loop'), 'the step went on to its line');
		assert.equal(await evalIn(f.id, 'sum'), '0');
		await a.log.waitOutput('console', 'Square(0) 0\n');
		await a.dc.setBreakpointsRequest({ source: { path: s }, breakpoints: [{ line: mark('square'), logMessage: 'again {v}' }] });
		await a.dc.continueRequest({ threadId: tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 5);
		assert.match(a.log.output('console'), /again 1\nagain 2\n/);
		assert.equal(a.log.events('stopped').length, 2);
		await L.finish(a);
	});
