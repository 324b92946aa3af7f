// Source text the debugger gives itself (`source` request): a C# program whose PDB embeds its
// sources under a folder that is not on this machine (the Stepping_embedsrc fixture: built with
// EmbedAllSources and a PathMap to /mixdbg-embedded-src) gets a sourceReference on its stack
// frames, its breakpoints and its loadedSources, and `source` returns the text; a missing C
// file and a bad reference get errors.
'use strict';
const { test, afterEach } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let a;
afterEach(() => L.cleanup(a));

const MISSING_DIR = '/mixdbg-embedded-src';

test('embedded C# sources: stackTrace, breakpoints and loadedSources carry a sourceReference; source returns the text',
	async () => {
		assert.ok(!fs.existsSync(MISSING_DIR), `${MISSING_DIR} must not exist for this test`);
		const original = path.join(L.root, 'tests', 'fixtures', 'cs', 'Stepping', 'Program.cs');
		const squareLine = L.lineOf(original, '// MARK:square');
		const dir = fs.mkdtempSync('/tmp/mixdbg-embedsrc-');
		try {
			// run a copy of the build, away from where it was built
			const built = path.join(L.FIXTURES, 'cs', 'Stepping_embedsrc');
			for (const f of fs.readdirSync(built))
				fs.copyFileSync(path.join(built, f), path.join(dir, f));
			a = await L.startAdapter();
			await L.launch(a, { program: path.join(dir, 'Stepping_embedsrc.dll') });
			await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'Fixtures.Stepping.Square' }] });
			await a.dc.configurationDoneRequest();
			const stop = await a.log.next('stopped');
			assert.equal(stop.body.reason, 'breakpoint');
			const f = await L.topFrame(a, stop.body.threadId);
			assert.equal(f.name, 'Fixtures.Stepping.Square');
			assert.equal(f.line, squareLine);
			assert.equal(f.source.path, `${MISSING_DIR}/Program.cs`, 'the path as the PDB has it');
			assert.equal(f.source.name, 'Program.cs');
			const ref = f.source.sourceReference;
			assert.ok(ref > 0, `a sourceReference for a missing file: ${JSON.stringify(f.source)}`);

			const text = await a.dc.sourceRequest({ source: f.source, sourceReference: ref });
			assert.equal(text.body.mimeType, 'text/x-csharp');
			const lines = text.body.content.split(/\r?\n/);
			assert.match(lines[squareLine - 1], /int r = v \* v; \/\/ MARK:square/);
			assert.equal(text.body.content.replace(/\r\n/g, '\n'),
				fs.readFileSync(original, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'),
				'the whole file, as compiled');

			// a breakpoint in that file: its source has the same reference
			const set = await a.dc.setBreakpointsRequest({
				source: { path: `${MISSING_DIR}/Program.cs` },
				breakpoints: [{ line: L.lineOf(original, '// MARK:deposit_call') }],
			});
			assert.equal(set.body.breakpoints[0].verified, true);
			assert.equal(set.body.breakpoints[0].source.sourceReference, ref);
			const loaded = await a.dc.customRequest('loadedSources', {});
			const mine = loaded.body.sources.find((s) => s.path === `${MISSING_DIR}/Program.cs`);
			assert.ok(mine && mine.sourceReference === ref, 'loadedSources has it with its reference');

			// bad input: an unknown reference, a C file that is not there; the session goes on
			await assert.rejects(a.dc.sourceRequest({ sourceReference: 9999 }),
				/no source with reference 9999/);
			await assert.rejects(a.dc.sourceRequest({ source: { path: '/no/such/dir/gone.c' }, sourceReference: 0 }),
				/Cannot show \/no\/such\/dir\/gone\.c: No such file or directory, and no loaded module embeds its text/);
			await a.dc.continueRequest({ threadId: stop.body.threadId });
			const again = await a.log.next('stopped');
			assert.equal((await L.topFrame(a, again.body.threadId)).name, 'Fixtures.Stepping.Square');
			await a.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
			await a.dc.setBreakpointsRequest({ source: { path: `${MISSING_DIR}/Program.cs` }, breakpoints: [] });
			await a.dc.continueRequest({ threadId: stop.body.threadId });
			assert.equal((await a.log.next('exited')).body.exitCode, 5);
			await L.finish(a);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

test('a C file on disk is served by source; frames of files on disk have no sourceReference', async () => {
	a = await L.startAdapter();
	const src = path.join(L.C_SRC, 'loop.c');
	await L.launch(a, { program: path.join(L.FIXTURES, 'loop') });
	await a.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'hot' }] });
	await a.dc.configurationDoneRequest();
	const stop = await a.log.next('stopped');
	const f = await L.topFrame(a, stop.body.threadId);
	assert.equal(f.source.path, src);
	assert.equal(f.source.sourceReference, undefined);
	const text = await a.dc.sourceRequest({ source: { path: src }, sourceReference: 0 });
	assert.equal(text.body.content, fs.readFileSync(src, 'utf8'));
	assert.equal(text.body.mimeType, 'text/x-c');
	await assert.rejects(a.dc.sourceRequest({ source: { name: 'x' }, sourceReference: 0 }),
		/a sourceReference or a source path is required/);
	await L.finish(a, { terminateDebuggee: true });
});
