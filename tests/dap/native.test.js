// The DAP server on C programs (tests/fixtures/*.c), driven by VS Code's own test client:
// breakpoints bound at start, stops, stacks, variables, evaluate, setVariable, steps, output
// events, exit codes, conditions and hit counts, signals, pause, stopAtEntry, modules, threads.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const stepper = path.join(L.FIXTURES, 'stepper');
const stepperSrc = path.join(L.C_SRC, 'stepper.c');
let a;

afterEach(() => L.cleanup(a));

test('a line breakpoint binds at start, stops; stack, locals, evaluate, setVariable, output, exit',
	async () => {
		a = await L.startAdapter();
		const line = L.lineOf(stepperSrc, 'int y = nodebug_twice(x);');
		await L.launch(a, { program: stepper });
		const set = await a.dc.setBreakpointsRequest({
			source: { path: stepperSrc }, breakpoints: [{ line }],
		});
		const bp = set.body.breakpoints[0];
		// not bound before the program runs: pending, with a reason
		assert.equal(bp.verified, false);
		assert.equal(bp.line, line);
		assert.match(bp.message, /[Pp]ending/);
		await a.dc.configurationDoneRequest();
		const changed = await a.log.next('breakpoint', (e) => e.body.breakpoint.id === bp.id);
		assert.equal(changed.body.reason, 'changed');
		assert.equal(changed.body.breakpoint.verified, true);
		assert.equal(changed.body.breakpoint.line, line);
		const stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		assert.deepEqual(stop.body.hitBreakpointIds, [bp.id]);
		assert.equal(stop.body.allThreadsStopped, true);
		const tid = stop.body.threadId;

		const st = await a.dc.stackTraceRequest({ threadId: tid });
		const f0 = st.body.stackFrames[0];
		assert.equal(f0.name, 'main');
		assert.equal(f0.source.path, stepperSrc);
		assert.equal(f0.line, line);
		assert.equal(st.body.totalFrames, st.body.stackFrames.length);
		assert.ok(st.body.stackFrames.length >= 2, 'main has callers (libc)');

		const { vars } = await L.variablesOf(a, f0.id, 'Locals');
		assert.equal(vars.x, '5', 'x = add(2, 3)');

		const ev = await a.dc.evaluateRequest({ expression: 'x * 2 + 1', frameId: f0.id, context: 'repl' });
		assert.equal(ev.body.result, '11');
		await assert.rejects(a.dc.evaluateRequest({ expression: 'no_such_name', frameId: f0.id }),
			/no_such_name/);

		const { scope } = await L.variablesOf(a, f0.id, 'Locals');
		const sv = await a.dc.setVariableRequest({
			variablesReference: scope.variablesReference, name: 'x', value: '7',
		});
		assert.equal(sv.body.value, '7');
		// the program runs on with x = 7: nodebug_twice(7) = 14
		await a.dc.continueRequest({ threadId: tid });
		const exited = await a.log.next('exited');
		assert.equal(exited.body.exitCode, 0);
		await a.log.next('terminated');
		assert.equal(a.log.output('stdout'), 'x=7 y=14\n');
		// the program's output came before the exit
		const iOut = a.log.messages.findIndex((m) => m.event === 'output' && m.body.category === 'stdout');
		const iExit = a.log.messages.indexOf(exited);
		assert.ok(iOut >= 0 && iOut < iExit, 'stdout before exited');
		await L.finish(a);
	});

test('stepIn, stepOut and next land on the right lines', async () => {
	a = await L.startAdapter();
	const callLine = L.lineOf(stepperSrc, 'int x = add(2, 3);');
	const addLine = L.lineOf(stepperSrc, 'int s = a + b;');
	const yLine = L.lineOf(stepperSrc, 'int y = nodebug_twice(x);');
	const printLine = L.lineOf(stepperSrc, 'printf("x=%d y=%d\\n", x, y);');
	await L.launch(a, { program: stepper });
	await a.dc.setBreakpointsRequest({ source: { path: stepperSrc }, breakpoints: [{ line: callLine }] });
	await a.dc.configurationDoneRequest();
	let stop = await a.log.next('stopped');
	const tid = stop.body.threadId;
	assert.equal((await L.topFrame(a, tid)).line, callLine);

	await a.dc.stepInRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'step');
	let f = await L.topFrame(a, tid);
	assert.equal(f.name, 'add');
	assert.equal(f.line, addLine);
	const args = (await L.variablesOf(a, f.id, 'Arguments')).vars;
	assert.deepEqual(args, { a: '2', b: '3' });

	await a.dc.stepOutRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'step');
	f = await L.topFrame(a, tid);
	assert.equal(f.name, 'main');
	assert.equal(f.line, callLine, 'back in main, in the middle of the call line');

	await a.dc.nextRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'step');
	assert.equal((await L.topFrame(a, tid)).line, yLine);
	// next over a function without line information
	await a.dc.nextRequest({ threadId: tid });
	await a.log.next('stopped', (e) => e.body.reason === 'step');
	assert.equal((await L.topFrame(a, tid)).line, printLine);

	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	assert.equal(a.log.output('stdout'), 'x=5 y=10\n');
	await L.finish(a);
});

test('conditions, hit counts, function breakpoints', async () => {
	a = await L.startAdapter();
	const src = path.join(L.C_SRC, 'loop.c');
	const line = L.lineOf(src, 'counter++;');
	await L.launch(a, { program: path.join(L.FIXTURES, 'loop') });
	const set = await a.dc.setBreakpointsRequest({
		source: { path: src },
		breakpoints: [{ line, condition: 'i == 7' }, { line, hitCondition: 'twice' }],
	});
	const [cond, hitc] = set.body.breakpoints;
	assert.equal(cond.verified, false); // pending until the program runs
	assert.equal(hitc.verified, false);
	assert.match(hitc.message, /hit condition 'twice' is not understood/);
	await a.dc.configurationDoneRequest();
	let stop = await a.log.next('stopped');
	const tid = stop.body.threadId;
	let f = await L.topFrame(a, tid);
	assert.equal(f.name, 'hot');
	assert.equal((await a.dc.evaluateRequest({ expression: 'i', frameId: f.id })).body.result, '7');

	// replace the file's breakpoints: a hit count of 2 stops at the second hit from now (i == 9)
	const set2 = await a.dc.setBreakpointsRequest({
		source: { path: src }, breakpoints: [{ line, hitCondition: '2' }],
	});
	assert.equal(set2.body.breakpoints[0].verified, true, 'bound now that the program runs');
	await a.dc.continueRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	assert.deepEqual(stop.body.hitBreakpointIds, [set2.body.breakpoints[0].id]);
	f = await L.topFrame(a, tid);
	assert.equal((await a.dc.evaluateRequest({ expression: 'i', frameId: f.id })).body.result, '9');

	// function breakpoints replace each other; a bad condition is reported, not set
	await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [] });
	const fb = await a.dc.setFunctionBreakpointsRequest({
		breakpoints: [{ name: 'main' }, { name: 'hot', condition: 'i ==' }],
	});
	assert.equal(fb.body.breakpoints[0].verified, true);
	assert.equal(fb.body.breakpoints[1].verified, false);
	assert.ok(fb.body.breakpoints[1].message.length > 0);
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	assert.equal(a.log.output('stdout'), 'sum=90 calls=10\n');
	await L.finish(a);
});

test('logpoints log their message with expressions and do not stop; a condition applies',
	async () => {
		a = await L.startAdapter();
		const src = path.join(L.C_SRC, 'loop.c');
		const line = L.lineOf(src, 'counter++;');
		await L.launch(a, { program: path.join(L.FIXTURES, 'loop') });
		const init = a.log.messages.find((m) => m.command === 'initialize');
		assert.equal(init.body.supportsLogPoints, true);
		const set = await a.dc.setBreakpointsRequest({
			source: { path: src },
			breakpoints: [{ line, logMessage: 'hot({i}): {{twice}} {i * 2}, {no_such_name}', condition: 'i % 3 == 0' }],
		});
		const logp = set.body.breakpoints[0];
		assert.equal(logp.verified, false); // pending until the program runs
		await a.dc.configurationDoneRequest();
		const exited = await a.log.next('exited');
		assert.equal(exited.body.exitCode, 0);
		assert.ok(!a.log.messages.some((m) => m.event === 'stopped'), 'a logpoint never stops');
		const lines = a.log.output('console').split('\n').filter((l) => l.startsWith('hot('));
		assert.deepEqual(lines.map((l) => l.replace(/, <.*>$/, '')),
			['hot(0): {twice} 0', 'hot(3): {twice} 6', 'hot(6): {twice} 12', 'hot(9): {twice} 18']);
		assert.match(lines[0], /, <.*no_such_name.*>$/, 'a failing expression shows its error');
		assert.equal(a.log.output('stdout'), 'sum=90 calls=10\n');
		await L.finish(a);
	});

test('stopAtEntry, modules, exit code and stderr of a failing program', async () => {
	a = await L.startAdapter();
	const crash = path.join(L.FIXTURES, 'crash');
	await L.launch(a, { program: crash, args: ['nosuch'], stopAtEntry: true });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'entry');
	const f = await L.topFrame(a, stop.body.threadId);
	assert.equal(f.name, 'main');
	assert.equal(f.source.path, path.join(L.C_SRC, 'crash.c'));
	const mods = await a.dc.modulesRequest({});
	const names = mods.body.modules.map((m) => m.name);
	assert.ok(names.includes('crash'), names.join(' '));
	assert.ok(names.includes('libc.so.6'), names.join(' '));
	const me = mods.body.modules.find((m) => m.name === 'crash');
	assert.equal(me.symbolStatus, 'Symbols loaded');
	assert.equal(me.path, crash);
	assert.ok(a.log.events('module').some((e) => e.body.module.name === 'libc.so.6'),
		'a module event for libc');
	await a.dc.continueRequest({ threadId: stop.body.threadId });
	assert.equal((await a.log.next('exited')).body.exitCode, 2);
	assert.equal(a.log.output('stdout'), 'crash nosuch\nno crash: nosuch\n');
	await L.finish(a);
});

test('a crash stops with reason exception; exceptionInfo names it; the exit code tells it', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: path.join(L.FIXTURES, 'crash'), args: ['segv'] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'exception');
	assert.match(stop.body.description, /SIGSEGV/);
	const tid = stop.body.threadId;
	assert.equal((await L.topFrame(a, tid)).name, 'do_crash');
	const info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.exceptionId, 'SIGSEGV');
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 128 + 11);
	await L.finish(a);
});

test('pause while running, threads by name, a breakpoint set while running, terminate', async () => {
	a = await L.startAdapter();
	const sleeper = path.join(L.FIXTURES, 'sleeper');
	await L.launch(a, { program: sleeper, args: [] });
	await a.dc.configurationDoneRequest();
	await a.log.waitOutput('stdout', 'ready');
	const pid = Number(/pid (\d+) ready/.exec(a.log.output('stdout'))[1]);
	// threads answers while the program runs
	const running = await a.dc.threadsRequest();
	assert.ok(running.body.threads.some((t) => t.id === pid));

	await a.dc.pauseRequest({ threadId: pid });
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'pause');
	const th = await a.dc.threadsRequest();
	assert.equal(th.body.threads.length, 4);
	for (const t of th.body.threads) assert.equal(t.name, 'sleeper');
	assert.ok(th.body.threads.some((t) => t.id === pid), 'the main thread is listed by its id');
	// a request that needs the program stopped is refused while it runs
	await a.dc.continueRequest({ threadId: pid });
	await assert.rejects(a.dc.stackTraceRequest({ threadId: pid }), /running/);
	// a breakpoint set while it runs takes effect without a pause
	const fb = await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'tick' }] });
	assert.equal(fb.body.breakpoints[0].verified, true);
	const hit = await a.log.next('stopped');
	assert.equal(hit.body.reason, 'breakpoint');
	assert.equal((await L.topFrame(a, hit.body.threadId)).name, 'tick');
	assert.equal(a.log.events('stopped').length, 2, 'no stop was shown for the quiet interrupt');

	await a.dc.terminateRequest({});
	await a.log.next('terminated');
	assert.equal(L.processAlive(pid), false, 'terminate kills the program');
	await L.finish(a);
});

test('disconnect with terminateDebuggee false while it runs leaves a launched program running',
	async () => {
		a = await L.startAdapter();
		await L.launch(a, { program: path.join(L.FIXTURES, 'sleeper') });
		await a.dc.configurationDoneRequest();
		await a.log.waitOutput('stdout', 'ready');
		const pid = Number(/pid (\d+) ready/.exec(a.log.output('stdout'))[1]);
		// tick, on one thread only (a breakpoint that several threads hit at once, deleted,
		// can kill the program with SIGTRAP: a tracer bug, seen with the CLI as well)
		await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'tick' }] });
		const stop = await a.log.next('stopped');
		assert.equal(stop.body.reason, 'breakpoint');
		assert.equal((await L.topFrame(a, stop.body.threadId)).name, 'tick');
		await a.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
		await a.dc.continueRequest({ threadId: stop.body.threadId });
		await L.sleep(200);
		await L.finish(a, { terminateDebuggee: false });
		assert.match(a.log.output('console'), new RegExp(`detached from process ${pid}`));
		await L.sleep(300);
		assert.equal(L.processAlive(pid), true, 'it runs on');
		process.kill(pid, 'SIGKILL');
		for (let i = 0; i < 100 && L.processAlive(pid); i++) await L.sleep(50);
		assert.equal(L.processAlive(pid), false);
	});

test('requests sent back to back: continue then pause, configurationDone then disconnect',
	async () => {
		a = await L.startAdapter();
		await L.launch(a, { program: path.join(L.FIXTURES, 'sleeper') });
		await a.dc.configurationDoneRequest();
		await a.log.waitOutput('stdout', 'ready');
		const pid = Number(/pid (\d+) ready/.exec(a.log.output('stdout'))[1]);
		for (let i = 0; i < 5; i++) {
			// the pause may come before the continue has started the program
			const cont = i === 0 ? Promise.resolve() : a.dc.continueRequest({ threadId: pid });
			await Promise.all([cont, a.dc.pauseRequest({ threadId: pid })]);
			const stop = await a.log.next('stopped');
			assert.equal(stop.body.reason, 'pause', `round ${i}`);
		}
		await a.dc.continueRequest({ threadId: pid });
		await L.sleep(200);
		assert.equal(a.log.events('stopped').length, 5, 'no stop other than the pauses');
		await L.finish(a);
		assert.equal(L.processAlive(pid), false);

		// a disconnect right behind configurationDone: the program never runs free
		a = await L.startAdapter();
		await L.launch(a, { program: path.join(L.FIXTURES, 'sleeper') });
		await Promise.all([a.dc.configurationDoneRequest(), L.finish(a)]);
	});

test('end of input ends the session and the launched program with it', async () => {
	const sleeper = path.join(L.FIXTURES, 'sleeper');
	a = await L.startAdapter();
	await L.launch(a, { program: sleeper });
	await a.dc.configurationDoneRequest();
	await a.log.waitOutput('stdout', 'ready');
	const pid = Number(/pid (\d+) ready/.exec(a.log.output('stdout'))[1]);
	a.proc.stdin.end();
	const res = await a.exit;
	assert.equal(res.code, 0, a.err);
	L.checkSanitizer(a.err, 'mixdbg');
	for (let i = 0; i < 100 && L.processAlive(pid); i++) await L.sleep(50);
	assert.equal(L.processAlive(pid), false, 'the launched program is gone');
});

test('launch errors: a missing program, an argument of the wrong type', async () => {
	a = await L.startAdapter();
	await assert.rejects(a.dc.launchRequest({ program: '/no/such/program' }), /no\/such\/program/);
	await assert.rejects(a.dc.launchRequest({ program: stepper, args: [1, 2] }), /args/);
	await assert.rejects(a.dc.launchRequest({ program: stepper, cwd: '/no/such/dir' }), /working directory/);
	await assert.rejects(a.dc.customRequest('stepBack', { threadId: 1 }), /does not support/);
	assert.deepEqual((await a.dc.customRequest('loadedSources', {})).body.sources, [], 'no program: no sources');
	await assert.rejects(a.dc.stackTraceRequest({ threadId: 1 }), /no program/);
	await assert.rejects(a.dc.attachRequest({ processId: 999999999 }), /no process|process id/);
	assert.deepEqual((await a.dc.threadsRequest()).body.threads, []);
	// still serving: a good launch works
	await L.launch(a, { program: stepper, cwd: L.FIXTURES, env: { MIXDBG_TEST_VAR: 'x' } });
	await a.dc.configurationDoneRequest();
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	await L.finish(a);
});

test('an inlined call is a frame of its own, named after the function it was inlined into',
	async () => {
		a = await L.startAdapter();
		const src = path.join(L.C_SRC, 'inline_loop.c');
		const inLine = L.lineOf(src, 'total += r;');
		const callLine = L.lineOf(src, 'sum += scale(i);');
		await L.launch(a, { program: path.join(L.FIXTURES, 'inline_loop_O2') });
		await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line: inLine }] });
		await a.dc.configurationDoneRequest();
		const stop = await a.log.next('stopped');
		const st = await a.dc.stackTraceRequest({ threadId: stop.body.threadId });
		const [f0, f1, f2] = st.body.stackFrames;
		assert.equal(f0.name, 'scale');
		assert.equal(f0.line, inLine);
		assert.equal(f1.name, 'accumulate');
		assert.equal(f1.line, callLine);
		assert.equal(f1.source.path, src);
		assert.equal(f2.name, 'main');
		// the inlined call's frame has its own variables: accumulate's argument
		const { vars } = await L.variablesOf(a, f1.id, 'Arguments');
		assert.equal(vars.n, '4');
		await L.finish(a);
	});
