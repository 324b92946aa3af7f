// setVariable on C# values over the DAP: a local of Main, an argument and a field of `this`
// (named as C# code in the method would name it), each then used by the program; bad values
// and names are refused with C#'s reason and the session goes on.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;
afterEach(() => L.cleanup(a));

test('setVariable on a C# local, an argument and a field of this; the program uses the new values',
	async () => {
		a = await L.startAdapter();
		const s = path.join(L.FIXTURES, 'cs-src', 'Stepping', 'Program.cs');
		const mark = (m) => L.lineOf(s, `// MARK:${m}`);
		await L.launch(a, { program: path.join(L.FIXTURES, 'cs', 'Stepping', 'Stepping.dll') });
		await a.dc.setBreakpointsRequest({
			source: { path: s }, breakpoints: [{ line: mark('deposit_call') }, { line: mark('deposit') }],
		});
		await a.dc.configurationDoneRequest();
		let stop = await a.log.next('stopped');
		const tid = stop.body.threadId;
		let f = await L.topFrame(a, tid);
		assert.equal(f.line, mark('deposit_call'));
		let locals = await L.variablesOf(a, f.id, 'Locals');
		assert.equal(locals.vars.sum, '5'); // 0 + 1 + 4
		// the local sum, passed to Deposit on this line
		let set = await a.dc.setVariableRequest({
			variablesReference: locals.scope.variablesReference, name: 'sum', value: '7',
		});
		assert.equal(set.body.value, '7');
		assert.equal((await L.variablesOf(a, f.id, 'Locals')).vars.sum, '7', 'variables shows it');
		// bad input: a value of the wrong type, a name that does not exist
		await assert.rejects(a.dc.setVariableRequest({
			variablesReference: locals.scope.variablesReference, name: 'sum', value: '"text"',
		}), /string.*int|convert/i);
		await assert.rejects(a.dc.setVariableRequest({
			variablesReference: locals.scope.variablesReference, name: 'nosuch', value: '1',
		}), /nosuch/);
		assert.equal((await L.variablesOf(a, f.id, 'Locals')).vars.sum, '7', 'unchanged by the errors');

		await a.dc.continueRequest({ threadId: tid });
		stop = await a.log.next('stopped');
		f = await L.topFrame(a, tid);
		assert.equal(f.name, 'Fixtures.Account.Deposit');
		const args = await L.variablesOf(a, f.id, 'Arguments');
		assert.equal(args.vars.amount, '7', 'Deposit got the new sum');
		// the argument, and the field balance of this (0 so far)
		set = await a.dc.setVariableRequest({
			variablesReference: args.scope.variablesReference, name: 'amount', value: '10',
		});
		assert.equal(set.body.value, '10');
		set = await a.dc.setVariableRequest({
			variablesReference: args.scope.variablesReference, name: 'balance', value: '100',
		});
		assert.equal(set.body.value, '100');
		assert.equal((await a.dc.evaluateRequest({ expression: 'this.balance', frameId: f.id })).body.result, '100');
		// balance += amount: 110, read back by Main and returned as the exit code
		await a.dc.continueRequest({ threadId: tid });
		assert.equal((await a.log.next('exited')).body.exitCode, 110);
		assert.match(a.log.output('stdout'), /seen 110\n/);
		await L.finish(a);
	});
