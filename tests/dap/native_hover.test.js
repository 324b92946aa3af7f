// evaluate's context on a C program: a hover evaluates without side effects (an assignment,
// which print and the repl perform, is refused), the repl assigns.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;

afterEach(() => L.cleanup(a));

test('a hover does not assign; the repl does', async () => {
	a = await L.startAdapter();
	const src = path.join(L.C_SRC, 'stepper.c');
	const line = L.lineOf(src, 'int y = nodebug_twice(x);');
	await L.launch(a, { program: path.join(L.FIXTURES, 'stepper') });
	await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	const f = await L.topFrame(a, stop.body.threadId);
	const ev = (expression, context) => a.dc.evaluateRequest({ expression, frameId: f.id, context });
	assert.equal((await ev('x', 'hover')).body.result, '5');
	assert.equal((await ev('x * 2', 'hover')).body.result, '10');
	await assert.rejects(ev('x = 9', 'hover'), /'x = 9' assigns: not evaluated without side effects/);
	await assert.rejects(ev('x += 1', 'hover'), /assigns/);
	assert.equal((await ev('x', 'watch')).body.result, '5', 'unchanged');
	assert.equal((await ev('x = 9', 'repl')).body.result, '9');
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	assert.equal(a.log.output('stdout'), 'x=9 y=18\n');
	await L.finish(a);
});
