// A step interrupted by another thread's breakpoint stays pending (session/step_pending.c):
// in steprace, main's `next` over handoff() is under way when the worker hits worker_mark;
// after that stop, `continue` ends main's step at its next line with a stopped event of
// reason "step" on main's thread, and the console says the interrupted step finished.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;
afterEach(() => L.cleanup(a));

test('C: continue after another thread\'s breakpoint ends the interrupted next with reason "step"',
	async () => {
		a = await L.startAdapter();
		const src = path.join(L.C_SRC, 'steprace.c');
		await L.launch(a, { program: path.join(L.FIXTURES, 'steprace') });
		await a.dc.setBreakpointsRequest({
			source: { path: src }, breakpoints: [{ line: L.lineOf(src, "/* main's step */") }],
		});
		await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'worker_mark' }] });
		await a.dc.configurationDoneRequest();
		const first = await a.log.next('stopped');
		assert.equal(first.body.reason, 'breakpoint');
		const mainTid = first.body.threadId;
		await a.dc.nextRequest({ threadId: mainTid });
		const hit = await a.log.next('stopped');
		assert.equal(hit.body.reason, 'breakpoint');
		assert.notEqual(hit.body.threadId, mainTid);
		assert.equal((await L.topFrame(a, hit.body.threadId)).name, 'worker_mark');
		await a.dc.continueRequest({ threadId: hit.body.threadId });
		const end = await a.log.next('stopped');
		assert.equal(end.body.reason, 'step');
		assert.equal(end.body.threadId, mainTid);
		const f = await L.topFrame(a, mainTid);
		assert.equal(f.line, L.lineOf(src, '/* where the step ends */'));
		assert.match(a.log.output('console'), /Thread 1 finished the step it was doing before the stop\./);
		await a.dc.continueRequest({ threadId: mainTid });
		assert.equal((await a.log.next('exited')).body.exitCode, 0);
		await L.finish(a);
	});
