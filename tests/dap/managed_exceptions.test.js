// Exception breakpoints over DAP on the Excs fixture: the filters 'all' and 'user-unhandled'
// with conditions (type lists, !Type exclusions), breakMode userUnhandled, exceptionInfo with
// the chain of inner exceptions and a stack trace held by the exception, $exception evaluated,
// malformed conditions and unknown filters refused.
'use strict';
const { test, afterEach } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

const dll = path.join(L.FIXTURES, 'cs', 'Excs', 'Excs.dll');
const src = path.join(L.FIXTURES, 'cs-src', 'Excs', 'Program.cs');
let a;

afterEach(() => L.cleanup(a));

test('user-unhandled: stops only where the framework catches; breakMode userUnhandled', async () => {
	a = await L.startAdapter();
	const filters = a.caps.exceptionBreakpointFilters;
	assert.deepEqual(filters.map((f) => f.filter), ['all', 'user-unhandled', 'signals']);
	assert.ok(filters.every((f) => f.supportsCondition && f.conditionDescription));
	await L.launch(a, { program: 'dotnet', args: [dll] });
	// malformed conditions and unknown filters: refused with the reason, the rest applied
	const bad = await a.dc.setExceptionBreakpointsRequest({
		filters: ['nosuchfilter'],
		filterOptions: [{ filterId: 'all', condition: 'Foo;Bar' },
			{ filterId: 'user-unhandled', condition: '!' },
			{ filterId: 'user-unhandled' }],
	});
	const v = bad.body.breakpoints;
	assert.deepEqual(v.map((b) => b.verified), [false, false, false, true]);
	assert.match(v[0].message, /Unknown exception filter 'nosuchfilter'/);
	assert.match(v[1].message, /'Foo;Bar' is not an exception type name/);
	assert.match(v[2].message, /'!' must be followed by an exception type name/);
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	assert.equal(stop.body.reason, 'exception');
	assert.match(stop.body.description, /^User-unhandled exception: System.ArgumentException: thrown through reflection/);
	const tid = stop.body.threadId;
	const info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.breakMode, 'userUnhandled');
	assert.equal(info.body.exceptionId, 'System.ArgumentException');
	assert.equal(info.body.details.message, 'thrown through reflection');
	assert.equal(info.body.details.innerException, undefined);
	const f = await L.topFrame(a, tid);
	assert.equal(f.name, 'Fixtures.Excs.CalledByReflection');
	assert.equal(f.line, L.lineOf(src, '// MARK:reflected'));
	const ev = await a.dc.evaluateRequest({ expression: '$exception', frameId: f.id, context: 'watch' });
	assert.equal(ev.body.result, '{System.ArgumentException: thrown through reflection}');
	// the ones the program catches itself never stopped
	assert.equal(a.log.output('stdout'), 'caught: caught by user\n');
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	assert.equal(a.log.events('stopped').length, 1);
	await L.finish(a);
});

test('all with !Type exclusions; exceptionInfo innerException chain and stackTrace', async () => {
	a = await L.startAdapter();
	await L.launch(a, { program: 'dotnet', args: [dll] });
	const ex = await a.dc.setExceptionBreakpointsRequest({
		filters: [],
		filterOptions: [{ filterId: 'all',
			condition: '!ArgumentException, !System.Reflection.TargetInvocationException, !IOException' }],
	});
	assert.deepEqual(ex.body.breakpoints.map((b) => b.verified), [true]);
	await a.dc.configurationDoneRequest();
	let stop = await a.log.next('stopped');
	assert.match(stop.body.description, /^Thrown exception: System.InvalidOperationException: caught by user/);
	const tid = stop.body.threadId;
	await a.dc.continueRequest({ threadId: tid });

	stop = await a.log.next('stopped');
	let info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.exceptionId, 'System.ApplicationException');
	assert.equal(info.body.breakMode, 'always');
	const d = info.body.details;
	assert.equal(d.message, 'outer failure');
	assert.equal(d.stackTrace, undefined, 'a plain throw holds no stack trace text');
	assert.equal(d.innerException.length, 1);
	const middle = d.innerException[0];
	assert.equal(middle.fullTypeName, 'System.Collections.Generic.KeyNotFoundException');
	assert.equal(middle.typeName, 'KeyNotFoundException');
	assert.equal(middle.message, 'middle cause');
	assert.equal(middle.innerException[0].fullTypeName, 'System.FormatException');
	assert.equal(middle.innerException[0].message, 'root cause');
	assert.equal(middle.innerException[0].innerException, undefined);
	await a.dc.continueRequest({ threadId: tid });

	stop = await a.log.next('stopped');
	info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.exceptionId, 'System.AggregateException');
	assert.equal(info.body.details.innerException[0].fullTypeName, 'System.TimeoutException');
	assert.equal(info.body.details.innerException[0].message, 'first');

	// now only IOException: it carries a stack trace from elsewhere
	await a.dc.setExceptionBreakpointsRequest({
		filters: [], filterOptions: [{ filterId: 'all', condition: 'IOException' }],
	});
	await a.dc.continueRequest({ threadId: tid });
	stop = await a.log.next('stopped');
	info = await a.dc.exceptionInfoRequest({ threadId: tid });
	assert.equal(info.body.exceptionId, 'System.IO.IOException');
	assert.match(info.body.details.stackTrace, /^ {3}at Server\.Handle\(\) in Server\.cs:line 7/);
	const f = await L.topFrame(a, tid);
	assert.equal(f.line, L.lineOf(src, '// MARK:remote'));
	await a.dc.continueRequest({ threadId: tid });
	assert.equal((await a.log.next('exited')).body.exitCode, 0);
	assert.equal(a.log.events('stopped').length, 4);
	await L.finish(a);
});
