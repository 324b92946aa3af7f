// Values expanded part by part through `variables`: C structs, unions, pointers and arrays
// (tests/fixtures/shapes.c), C# objects, structs and arrays of every rank (cs/Values); paging
// with start/count and filters, evaluate results expanded, setVariable on a part, references
// refused after the program ran, bad references and arguments refused with the server going on,
// and a frozen thread named as such.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;
afterEach(() => L.cleanup(a));

// The variables of a reference as { name: Variable }, and in order.
async function parts(ref, more = {}) {
	const r = await a.dc.variablesRequest({ variablesReference: ref, ...more });
	const byName = {};
	for (const v of r.body.variables) byName[v.name] = v;
	return { list: r.body.variables, byName };
}

async function scopeVars(frameId, name) {
	const sc = await a.dc.scopesRequest({ frameId });
	const scope = sc.body.scopes.find((s) => s.name === name);
	return parts(scope.variablesReference);
}

test('C: structs, unions, pointers and arrays expand; paging, evaluate, setVariable on parts, ' +
	'stale and bad references, a frozen thread', async () => {
	a = await L.startAdapter();
	assert.equal(a.caps.supportsVariablePaging, true);
	const src = path.join(L.C_SRC, 'shapes.c');
	const line = L.lineOf(src, 'shapes_done(); /* shapes here */');
	await L.launch(a, { program: path.join(L.FIXTURES, 'shapes') });
	await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line }] });
	await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'shapes_done' }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	const tid = stop.body.threadId;
	const f0 = await L.topFrame(a, tid);
	assert.equal(f0.line, line);

	const locals = (await scopeVars(f0.id, 'Locals')).byName;
	// what can be expanded says so, with its kind of parts and its type
	assert.equal(locals.first.type, 'struct outer');
	assert.equal(locals.first.namedVariables, 6, 'id, in, as_int, as_float (the anonymous ' +
		'union\'s), label, next');
	assert.equal(locals.big.type, 'int [1000]');
	assert.equal(locals.big.indexedVariables, 1000);
	assert.equal(locals.ip.namedVariables, 1);
	for (const n of ['value', 'none', 'text'])
		assert.equal(locals[n].variablesReference, 0, `${n} has no parts`);
	assert.match(locals.text.value, /"hello"$/);

	// a struct two levels down: first.in.x
	const first = await parts(locals.first.variablesReference);
	assert.deepEqual(first.list.map((v) => v.name),
		['id', 'in', 'as_int', 'as_float', 'label', 'next']);
	assert.equal(first.byName.id.value, '1');
	assert.equal(first.byName.as_int.value, '5');
	assert.equal(first.byName.label.variablesReference, 0, 'a char array is a string');
	assert.equal(first.byName.in.evaluateName, 'first.in');
	const inner = await parts(first.byName.in.variablesReference);
	assert.equal(inner.byName.x.value, '10');
	assert.equal(inner.byName.x.evaluateName, 'first.in.x');
	// a pointer to a struct: the pointee's members through ->, and on along the link
	const ptr = await parts(locals.ptr.variablesReference);
	assert.equal(ptr.byName.id.evaluateName, 'ptr->id');
	assert.equal(ptr.byName.id.value, '1');
	const next = await parts(ptr.byName.next.variablesReference);
	assert.equal(next.byName.id.value, '2');
	assert.equal(next.byName.id.evaluateName, 'ptr->next->id');
	assert.equal(next.byName.next.variablesReference, 0, 'a null pointer has no parts');
	// a pointer to an int, to a pointer: one part each, the pointee
	const ip = await parts(locals.ip.variablesReference);
	assert.deepEqual(ip.list.map((v) => [v.name, v.value, v.evaluateName]), [['*ip', '42', '(*ip)']]);
	const ipp = await parts(locals.ipp.variablesReference);
	assert.equal(ipp.list[0].evaluateName, '(*ipp)');
	const ipp2 = await parts(ipp.list[0].variablesReference);
	assert.deepEqual(ipp2.list.map((v) => [v.name, v.value]), [['*(*ipp)', '42']]);
	// a two-dimensional array: rows, then elements
	const grid = await parts(locals.grid.variablesReference);
	assert.deepEqual(grid.list.map((v) => [v.name, v.type, v.indexedVariables]),
		[['[0]', 'int [3]', 3], ['[1]', 'int [3]', 3]]);
	const row = await parts(grid.byName['[1]'].variablesReference);
	assert.deepEqual(row.list.map((v) => `${v.evaluateName}=${v.value}`),
		['grid[1][0]=4', 'grid[1][1]=5', 'grid[1][2]=6']);

	// paging: elements [500] to [509] of 1000, and the filters
	const page = await parts(locals.big.variablesReference, { filter: 'indexed', start: 500, count: 10 });
	assert.deepEqual(page.list.map((v) => v.name),
		Array.from({ length: 10 }, (_, i) => `[${500 + i}]`));
	assert.deepEqual(page.list.map((v) => v.value),
		Array.from({ length: 10 }, (_, i) => String((500 + i) * 3)));
	assert.equal((await parts(locals.big.variablesReference, { filter: 'named' })).list.length, 0);
	assert.equal((await parts(locals.big.variablesReference, { start: 998 })).list.length, 2);
	assert.equal((await parts(locals.first.variablesReference, { filter: 'indexed' })).list.length, 0);
	assert.deepEqual((await parts(locals.first.variablesReference, { start: 1, count: 2 })).list
		.map((v) => v.name), ['in', 'as_int']);

	// an evaluate result expands like a variable
	const ev = await a.dc.evaluateRequest({ expression: 'ptr->next', frameId: f0.id, context: 'watch' });
	assert.equal(ev.body.type, 'struct outer *');
	assert.equal(ev.body.namedVariables, 6);
	const evParts = await parts(ev.body.variablesReference);
	assert.equal(evParts.byName.label.value, '"two\\000\\000\\000\\000"');
	assert.equal(evParts.byName.in.evaluateName, 'ptr->next->in');
	const plain = await a.dc.evaluateRequest({ expression: 'value + 1', frameId: f0.id });
	assert.equal(plain.body.result, '43');
	assert.equal(plain.body.variablesReference, 0);

	// setVariable on parts: a member of an expanded struct, the pointee of a pointer
	const sx = await a.dc.setVariableRequest({
		variablesReference: first.byName.in.variablesReference, name: 'x', value: '99',
	});
	assert.equal(sx.body.value, '99');
	assert.equal((await parts(first.byName.in.variablesReference)).byName.x.value, '99');
	const sp = await a.dc.setVariableRequest({
		variablesReference: locals.ip.variablesReference, name: '*ip', value: '43',
	});
	assert.equal(sp.body.value, '43');
	// a struct member set through the pointer's part answers with its own parts
	const sn = await a.dc.setVariableRequest({
		variablesReference: locals.ptr.variablesReference, name: 'id', value: '5',
	});
	assert.equal(sn.body.value, '5');
	assert.equal((await parts(locals.first.variablesReference)).byName.id.value, '5');
	// bad parts and references: clear errors, the server goes on
	await assert.rejects(a.dc.setVariableRequest({
		variablesReference: first.byName.in.variablesReference, name: 'nosuch', value: '1',
	}), /no member named nosuch/);
	await assert.rejects(a.dc.setVariableRequest({
		variablesReference: locals.ip.variablesReference, name: '*other', value: '1',
	}), /'\*other' is not a part of 'ip'/);
	await assert.rejects(a.dc.variablesRequest({ variablesReference: 987654 }),
		/Unknown variables reference 987654/);
	await assert.rejects(a.dc.variablesRequest({ variablesReference: locals.big.variablesReference,
		filter: 'odd' }), /filter must be "indexed" or "named"/);
	await assert.rejects(a.dc.variablesRequest({ variablesReference: locals.big.variablesReference,
		start: -1 }), /must not be negative/);

	// a frozen thread says so in its name; thawed, it does not; an unknown thread is refused
	const frozen = await a.dc.customRequest('freezeThread', { threadId: tid });
	assert.equal(frozen.success, true);
	let th = (await a.dc.threadsRequest()).body.threads.find((t) => t.id === tid);
	assert.match(th.name, / \(frozen\)$/);
	await a.dc.customRequest('freezeThread', { threadId: tid, freeze: false });
	th = (await a.dc.threadsRequest()).body.threads.find((t) => t.id === tid);
	assert.doesNotMatch(th.name, /frozen/);
	await assert.rejects(a.dc.customRequest('freezeThread', { threadId: 424242 }),
		/There is no thread 424242/);

	// the program runs: every reference of the last stop is refused as stale
	await a.dc.continueRequest({ threadId: tid });
	await a.log.next('stopped');
	assert.equal((await L.topFrame(a, tid)).name, 'shapes_done');
	await assert.rejects(parts(locals.first.variablesReference), /from an earlier stop/);
	await assert.rejects(a.dc.setVariableRequest({
		variablesReference: first.byName.in.variablesReference, name: 'x', value: '1',
	}), /from an earlier stop/);
	// new references at the new stop work (main's frame, one up)
	const st = await a.dc.stackTraceRequest({ threadId: tid });
	const mainFrame = st.body.stackFrames.find((f) => f.name === 'main');
	const again = (await scopeVars(mainFrame.id, 'Locals')).byName;
	assert.equal((await parts(again.ip.variablesReference)).list[0].value, '43');

	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	await a.log.next('terminated');
	assert.equal(a.log.output('stdout'), 'x=99 next=2 value=43 big=2997 grid=6 hello 1\n');
	await L.finish(a);
});

test('C#: objects two levels deep, structs, arrays of every rank paged, evaluate expanded, ' +
	'setVariable on fields, stale references after a step', async () => {
	a = await L.startAdapter();
	const src = path.join(L.FIXTURES, 'cs-src', 'Values', 'Program.cs');
	const line = L.lineOf(src, '// inspect here');
	await L.launch(a, { program: 'dotnet', args: [path.join(L.FIXTURES, 'cs', 'Values', 'Values.dll')] });
	await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	const tid = stop.body.threadId;
	const f0 = await L.topFrame(a, tid);
	assert.equal(f0.line, line);

	const locals = (await scopeVars(f0.id, 'Locals')).byName;
	assert.equal(locals.dog.type, 'Fixtures.Values.Dog');
	assert.equal(locals.dog.namedVariables, 6, 'Breed, Home, Friend, and Animal\'s Name, legs, ' +
		'then the group of static members');
	assert.equal(locals.big.indexedVariables, 1000);
	assert.equal(locals.grid.indexedVariables, 6);
	// strings, numbers, enums, Nullable, decimal and boxed numbers are values without parts
	for (const n of ['text', 'none', 'ch', 'color', 'access', 'maybe', 'nothing', 'dm', 'boxed', 'lg'])
		assert.equal(locals[n].variablesReference, 0, `${n} has no parts`);
	const args = (await scopeVars(f0.id, 'Arguments')).byName;
	assert.equal(args.pet.namedVariables, 6, 'an argument expands too');

	// two levels deep: dog -> Friend -> Name, and a struct field
	const dog = await parts(locals.dog.variablesReference);
	assert.deepEqual(dog.list.map((v) => v.name),
		['Breed', 'Home', 'Friend', 'Name', 'legs', 'Static members']);
	// Animal's statics (one of them [ThreadStatic], set by the constructor on this thread)
	// in the group, by their declaring type's name
	const group = dog.byName['Static members'];
	assert.deepEqual(group.presentationHint, { kind: 'class' });
	assert.equal(group.evaluateName, 'Fixtures.Values.Dog');
	assert.equal(group.namedVariables, 2);
	const statics = await parts(group.variablesReference);
	assert.deepEqual(statics.list.map((v) => `${v.evaluateName}=${v.value}`),
		['Fixtures.Values.Animal.Created=2', 'Fixtures.Values.Animal.PerThread=7']);
	assert.deepEqual(statics.byName.Created.presentationHint, { attributes: ['static'] });
	assert.equal(dog.byName.Name.presentationHint, undefined, 'an instance field has no hint');
	// a generic type's statics would need its type arguments: Box<string> has no group
	const box = await parts(locals.box.variablesReference);
	assert.deepEqual(box.list.map((v) => v.name), ['Item']);
	assert.equal(dog.byName.Breed.value, '"beagle"', 'an auto-property by its name');
	assert.equal(dog.byName.Friend.evaluateName, 'dog.Friend');
	const friend = await parts(dog.byName.Friend.variablesReference);
	assert.equal(friend.byName.Name.value, '"rex"');
	assert.equal(friend.byName.Name.evaluateName, 'dog.Friend.Name');
	assert.equal(friend.byName.Friend.value, 'null');
	assert.equal(friend.byName.Friend.variablesReference, 0);
	const home = await parts(dog.byName.Home.variablesReference);
	assert.deepEqual(home.list.map((v) => `${v.evaluateName}=${v.value}`), ['dog.Home.X=3', 'dog.Home.Y=4']);

	// a large array paged: [500] to [509] of 1000 (big[i] = i * i)
	const page = await parts(locals.big.variablesReference, { filter: 'indexed', start: 500, count: 10 });
	assert.deepEqual(page.list.map((v) => `${v.name}=${v.value}`),
		Array.from({ length: 10 }, (_, i) => `[${500 + i}]=${(500 + i) * (500 + i)}`));
	assert.equal(page.list[3].evaluateName, 'big[503]');
	assert.equal((await parts(locals.big.variablesReference, { filter: 'named' })).list.length, 0);
	// a rank-2 array: elements by both indices, in row-major order
	const grid = await parts(locals.grid.variablesReference);
	assert.deepEqual(grid.list.map((v) => `${v.name}=${v.value}`),
		['[0, 0]=1', '[0, 1]=2', '[0, 2]=3', '[1, 0]=4', '[1, 1]=5', '[1, 2]=6']);
	assert.equal(grid.byName['[1, 2]'].evaluateName, 'grid[1, 2]');
	const gridPage = await parts(locals.grid.variablesReference, { start: 4, count: 1 });
	assert.deepEqual(gridPage.list.map((v) => v.name), ['[1, 1]']);
	// a jagged array: arrays in an array
	const jagged = await parts(locals.jagged.variablesReference);
	assert.equal(jagged.byName['[1]'].indexedVariables, 2);
	const j1 = await parts(jagged.byName['[1]'].variablesReference);
	assert.deepEqual(j1.list.map((v) => `${v.evaluateName}=${v.value}`), ['jagged[1][0]=2', 'jagged[1][1]=3']);

	// an evaluate result (a watch) expands
	const ev = await a.dc.evaluateRequest({ expression: 'dog.Friend', frameId: f0.id, context: 'watch' });
	assert.equal(ev.body.type, 'Fixtures.Values.Dog');
	assert.equal(ev.body.namedVariables, 6);
	const evParts = await parts(ev.body.variablesReference);
	assert.equal(evParts.byName.Name.value, '"rex"');
	const num = await a.dc.evaluateRequest({ expression: 'nums[1] * 2', frameId: f0.id });
	assert.equal(num.body.result, '40');
	assert.equal(num.body.variablesReference, 0);

	// setVariable on fields of expanded objects, then read again
	const sn = await a.dc.setVariableRequest({
		variablesReference: dog.byName.Friend.variablesReference, name: 'Name', value: '"bob"',
	});
	assert.equal(sn.body.value, '"bob"');
	assert.equal((await parts(dog.byName.Friend.variablesReference)).byName.Name.value, '"bob"');
	const sl = await a.dc.setVariableRequest({
		variablesReference: locals.dog.variablesReference, name: 'legs', value: '3',
	});
	assert.equal(sl.body.value, '3');
	const sx = await a.dc.setVariableRequest({
		variablesReference: dog.byName.Home.variablesReference, name: 'X', value: '30',
	});
	assert.equal(sx.body.value, '30');
	const again = await parts(locals.dog.variablesReference);
	assert.equal(again.byName.legs.value, '3');
	assert.match(again.byName.Home.value, /X = 30/);
	await assert.rejects(a.dc.setVariableRequest({
		variablesReference: locals.dog.variablesReference, name: 'Nosuch', value: '1',
	}), /Nosuch/);
	await assert.rejects(a.dc.setVariableRequest({
		variablesReference: locals.grid.variablesReference, name: '[0, 0]', value: '"text"',
	}), /Cannot convert type 'string' to 'int'/);
	const g = await a.dc.setVariableRequest({
		variablesReference: locals.grid.variablesReference, name: '[1, 2]', value: '60',
	});
	assert.equal(g.body.value, '60');

	// after a step every reference of the last stop is refused; new ones work
	await a.dc.nextRequest({ threadId: tid });
	assert.equal((await a.log.next('stopped')).body.reason, 'step');
	await assert.rejects(parts(locals.dog.variablesReference), /from an earlier stop/);
	const f1 = await L.topFrame(a, tid);
	const now = (await scopeVars(f1.id, 'Locals')).byName;
	const friendNow = await parts((await parts(now.dog.variablesReference)).byName.Friend.variablesReference);
	assert.equal(friendNow.byName.Name.value, '"bob"');
	await a.dc.continueRequest({ threadId: tid });
	await a.log.next('terminated');
	assert.match(a.log.output('stdout'), / 60 /, 'grid[1, 2] as the program printed it');
	await L.finish(a);
});

test('C#: static members of classes and structs as a group, a type\'s statics through ' +
	'evaluate, a [ThreadStatic] field read for the stopped thread and for another thread\'s ' +
	'frame, bad requests on the group refused', async () => {
	a = await L.startAdapter();
	const src = path.join(L.FIXTURES, 'cs-src', 'Statics', 'Program.cs');
	const line = L.lineOf(src, '// report here');
	await L.launch(a, { program: 'dotnet', args: [path.join(L.FIXTURES, 'cs', 'Statics', 'Statics.dll')] });
	await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line }] });
	await a.dc.configurationDoneRequest();

	// first stop: the main thread, which set Counter.PerThread to 11
	const mainTid = (await a.log.next('stopped')).body.threadId;
	const f0 = await L.topFrame(a, mainTid);
	assert.equal(f0.line, line);
	let locals = (await scopeVars(f0.id, 'Locals')).byName;
	assert.equal(locals.counter.namedVariables, 2, 'Own, and the group');
	const counter = await parts(locals.counter.variablesReference);
	assert.deepEqual(counter.list.map((v) => v.name), ['Own', 'Static members']);
	const group = counter.byName['Static members'];
	assert.equal(group.value, '{Fixtures.Statics.Counter}');
	assert.equal(group.type, 'Fixtures.Statics.Counter');
	let statics = await parts(group.variablesReference);
	assert.deepEqual(statics.list.map((v) => `${v.name}=${v.value}`),
		['Total=3', 'Label="counter"', 'PerThread=11']);
	assert.equal(statics.byName.PerThread.evaluateName, 'Fixtures.Statics.Counter.PerThread');
	// a struct's statics; a generic class's are left out (C# names them with type arguments)
	const pair = await parts(locals.pair.variablesReference);
	assert.deepEqual(pair.list.map((v) => v.name), ['A', 'B', 'Static members']);
	const pairStatics = await parts(pair.byName['Static members'].variablesReference);
	assert.deepEqual(pairStatics.list.map((v) => `${v.evaluateName}=${v.value}`),
		['Fixtures.Statics.Pair.Made=1']);
	assert.deepEqual((await parts(locals.box.variablesReference)).list.map((v) => v.name), ['Item']);
	// paging and the filters count the group as a named part
	assert.deepEqual((await parts(locals.counter.variablesReference, { start: 1 })).list
		.map((v) => v.name), ['Static members']);
	assert.equal((await parts(locals.counter.variablesReference, { filter: 'indexed' })).list.length, 0);
	assert.deepEqual((await parts(group.variablesReference, { start: 1, count: 1 })).list
		.map((v) => v.name), ['Label']);

	// a type named in evaluate expands to its static fields, by full or short name
	const ty = await a.dc.evaluateRequest({ expression: 'Counter', frameId: f0.id, context: 'watch' });
	assert.equal(ty.body.result, '{Fixtures.Statics.Counter}');
	assert.equal(ty.body.namedVariables, 3);
	statics = await parts(ty.body.variablesReference);
	assert.deepEqual(statics.list.map((v) => v.name), ['Total', 'Label', 'PerThread']);
	// setVariable on a static field in the group; the group itself is not a value
	const st = await a.dc.setVariableRequest({
		variablesReference: group.variablesReference, name: 'Total', value: '30',
	});
	assert.equal(st.body.value, '30');
	assert.equal((await a.dc.evaluateRequest({ expression: 'Counter.Total', frameId: f0.id })).body.result, '30');
	await assert.rejects(a.dc.setVariableRequest({
		variablesReference: locals.counter.variablesReference, name: 'Static members', value: '1',
	}), /'Static members' of 'counter' is a group of static fields, not one value/);
	await assert.rejects(a.dc.evaluateRequest({ expression: 'Fixtures.Statics.Nosuch', frameId: f0.id }),
		/Nosuch/);

	// second stop: the worker thread, which set its own PerThread to 22
	await a.dc.continueRequest({ threadId: mainTid });
	const workerTid = (await a.log.next('stopped')).body.threadId;
	assert.notEqual(workerTid, mainTid);
	const w0 = await L.topFrame(a, workerTid);
	locals = (await scopeVars(w0.id, 'Locals')).byName;
	const wgroup = (await parts(locals.counter.variablesReference)).byName['Static members'];
	statics = await parts(wgroup.variablesReference);
	assert.deepEqual(statics.list.map((v) => `${v.name}=${v.value}`),
		['Total=30', 'Label="counter"', 'PerThread=22']);
	const wev = await a.dc.evaluateRequest({ expression: 'Counter.PerThread', frameId: w0.id });
	assert.equal(wev.body.result, '22');
	// the main thread's Main frame (waiting in Join) reads the main thread's value
	const mainStack = (await a.dc.stackTraceRequest({ threadId: mainTid })).body.stackFrames;
	const mainFrame = mainStack.find((f) => f.name.includes('Program.Main'));
	assert.ok(mainFrame, 'Main on the main thread\'s stack');
	const mev = await a.dc.evaluateRequest({ expression: 'Counter.PerThread', frameId: mainFrame.id });
	assert.equal(mev.body.result, '11');
	const mty = await a.dc.evaluateRequest({ expression: 'Counter', frameId: mainFrame.id });
	assert.equal((await parts(mty.body.variablesReference)).byName.PerThread.value, '11');

	await a.dc.continueRequest({ threadId: workerTid });
	await a.log.next('terminated');
	assert.equal(a.log.output('stdout'), 'main 11 1 1 5\nworker 22 1 1 5\nmain again 11\n');
	await L.finish(a);
});

test('C#: collections as their elements (List, Dictionary, HashSet, Queue, Stack) paged, with ' +
	'a Raw View of their fields; a declared type next to the object\'s', async () => {
	a = await L.startAdapter();
	const src = path.join(L.FIXTURES, 'cs-src', 'Evals', 'Program.cs');
	const line = L.lineOf(src, 'MARK:stop');
	await L.launch(a, { program: 'dotnet', args: [path.join(L.FIXTURES, 'cs', 'Evals', 'Evals.dll')] });
	await a.dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	const f0 = await L.topFrame(a, stop.body.threadId);
	const locals = (await scopeVars(f0.id, 'Locals')).byName;
	const shown = (p) => p.list.map((v) => `${v.name}=${v.value}`);

	// List<int> { 5, 6, 7 }: three elements and a Raw View, read from _items
	assert.equal(locals.list.value, '{System.Collections.Generic.List<int>} Count = 3 {5, 6, 7}');
	assert.equal(locals.list.indexedVariables, 3);
	assert.equal(locals.list.namedVariables, 1, 'the Raw View');
	const list = await parts(locals.list.variablesReference);
	assert.deepEqual(list.list.map((v) => v.name), ['[0]', '[1]', '[2]', 'Raw View']);
	assert.deepEqual(shown(list).slice(0, 3), ['[0]=5', '[1]=6', '[2]=7']);
	assert.equal(list.byName['[1]'].evaluateName, 'list._items[1]');
	const page = await parts(locals.list.variablesReference, { filter: 'indexed', start: 1, count: 1 });
	assert.deepEqual(shown(page), ['[1]=6']);
	const named = await parts(locals.list.variablesReference, { filter: 'named' });
	assert.deepEqual(named.list.map((v) => v.name), ['Raw View']);
	const raw = await parts(named.byName['Raw View'].variablesReference);
	assert.deepEqual(raw.list.map((v) => v.name), ['_items', '_size', '_version']);
	assert.equal(raw.byName._size.value, '3');
	assert.equal(raw.byName._items.evaluateName, 'list._items');

	// dictionaries by key, a freed slot skipped (sparse lost "b")
	const dict = await parts(locals.dict.variablesReference, { filter: 'indexed' });
	assert.deepEqual(shown(dict), ['["one"]=1', '["two"]=2']);
	const sparse = await parts(locals.sparse.variablesReference, { filter: 'indexed' });
	assert.deepEqual(shown(sparse), ['["a"]=1', '["c"]=3']);
	assert.equal(sparse.byName['["c"]'].evaluateName, 'sparse._entries[2].value');
	const tags = await parts(locals.tags.variablesReference, { filter: 'indexed' });
	assert.deepEqual(shown(tags), ['[0]="red"', '[1]="blue"']);
	// a queue whose ring wrapped, a stack from its top
	const queue = await parts(locals.queue.variablesReference, { filter: 'indexed' });
	assert.deepEqual(queue.list.map((v) => `${v.evaluateName}=${v.value}`),
		['queue._array[1]=9', 'queue._array[0]=10']);
	const stack = await parts(locals.stack.variablesReference, { filter: 'indexed' });
	assert.deepEqual(shown(stack), ['[0]=2', '[1]=1']);

	// elements that are objects expand (read again by their fields' expression)
	const pets = await parts(locals.pets.variablesReference, { filter: 'indexed' });
	assert.match(pets.byName['[0]'].value, /^\{Fixtures\.Dog\} \{.*Name = "a"/);
	const dog = await parts(pets.byName['[0]'].variablesReference);
	assert.equal(dog.byName.Name.value, '"a"');
	assert.equal(dog.byName.Name.evaluateName, 'pets._items[0].Name');
	const counts = await parts(locals.counts.variablesReference, { filter: 'indexed' });
	assert.deepEqual(counts.list.map((v) => v.name), ['[7]']);
	// an array of lists: each element a list
	const lists = await parts(locals.lists.variablesReference);
	assert.equal(lists.byName['[0]'].indexedVariables, 1);
	assert.equal(lists.byName['[1]'].indexedVariables ?? 0, 0, 'an empty list');
	assert.deepEqual(shown(await parts(lists.byName['[0]'].variablesReference, { filter: 'indexed' })),
		['[0]=1']);
	// a watch on a collection expands the same way
	const ev = await a.dc.evaluateRequest({ expression: 'tags', frameId: f0.id, context: 'watch' });
	assert.equal(ev.body.indexedVariables, 2);

	// Animal pet = new Dog("rex"): both types, as Visual Studio's "Animal {Dog}"
	assert.equal(locals.pet.type, 'Fixtures.Animal {Fixtures.Dog}');
	assert.match(locals.pet.value, /^\(Fixtures\.Animal\) \{Fixtures\.Dog\} \{/);
	assert.equal(locals.any.type, 'object {int}');
	assert.equal(locals.any.value, '3');
	assert.equal(locals.w.type, 'Fixtures.Widget', 'one type when they agree');
	const pe = await a.dc.evaluateRequest({ expression: 'pet', frameId: f0.id, context: 'watch' });
	assert.equal(pe.body.type, 'Fixtures.Animal {Fixtures.Dog}');

	await a.dc.continueRequest({ threadId: stop.body.threadId });
	await a.log.next('terminated');
	await L.finish(a);
});
