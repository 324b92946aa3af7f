// Helpers for the DAP tests: starting mixdbg as an adapter under @vscode/debugadapter-testsupport's
// DebugClient, a log of every event (so none is missed between two awaits), finding lines by the
// text on them, and ending a session with checks of the adapter's exit and sanitizer reports.
//
// MIXDBG: the debugger (tests/run.sh exports it; build-asan/mixdbg in the SAN run).
// FIXTURES: the built fixtures (C in FIXTURES/, C# in FIXTURES/cs/NAME, sources in FIXTURES/cs-src).
'use strict';
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const root = path.resolve(__dirname, '..', '..');
const MIXDBG = process.env.MIXDBG || path.join(root, 'build', 'mixdbg');
const FIXTURES = process.env.FIXTURES || path.join(root, 'build', 'fixtures');
const C_SRC = path.join(root, 'tests', 'fixtures');
// a cold `dotnet` start under ASan is slow: generous, but well under the runner's 120 s
const TIMEOUT = 60000;

function adapterEnv() {
	const supp = `suppressions=${path.join(root, 'tests', 'lsan.supp')}`;
	const lsan = process.env.LSAN_OPTIONS ? `${supp}:${process.env.LSAN_OPTIONS}` : supp;
	return { ...process.env, LSAN_OPTIONS: lsan };
}

// The 1-based number of the first line of file holding text (a marker comment or code).
function lineOf(file, text) {
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	const i = lines.findIndex((l) => l.includes(text));
	assert.ok(i >= 0, `'${text}' not found in ${file}`);
	return i + 1;
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

// Every message from the adapter, in order; next() takes the first event of a kind (matching a
// predicate) not taken yet, waiting for it if needed.
class EventLog {
	constructor(dc) {
		this.messages = [];
		this.taken = new Set();
		this.waiters = [];
		const dispatch = dc.dispatch.bind(dc);
		dc.dispatch = (body) => {
			const m = JSON.parse(body);
			this.messages.push(m);
			this.waiters = this.waiters.filter((w) => !w.check());
			dispatch(body);
		};
	}

	events(type) {
		return this.messages.filter((m) => m.type === 'event' && m.event === type);
	}

	find(type, pred) {
		for (let i = 0; i < this.messages.length; i++) {
			const m = this.messages[i];
			if (m.type === 'event' && m.event === type && !this.taken.has(i) && pred(m)) {
				this.taken.add(i);
				return m;
			}
		}
		return null;
	}

	next(type, pred = () => true, timeout = TIMEOUT) {
		return new Promise((resolve, reject) => {
			const w = {
				check: () => {
					const m = this.find(type, pred);
					if (!m) return false;
					clearTimeout(w.timer);
					resolve(m);
					return true;
				},
			};
			if (w.check()) return;
			w.timer = setTimeout(() => {
				this.waiters = this.waiters.filter((x) => x !== w);
				reject(new Error(`no '${type}' event (matching) after ${timeout} ms; events: ` +
					this.summary()));
			}, timeout);
			this.waiters.push(w);
		});
	}

	// Text of the output events of a category so far.
	output(category) {
		return this.events('output').filter((e) => e.body.category === category)
			.map((e) => e.body.output).join('');
	}

	// Waits until the output of a category contains text.
	async waitOutput(category, text, timeout = TIMEOUT) {
		const end = Date.now() + timeout;
		while (!this.output(category).includes(text)) {
			if (Date.now() > end)
				throw new Error(`no ${category} output '${text}' after ${timeout} ms; got: ` +
					JSON.stringify(this.output(category)));
			await sleep(20);
		}
	}

	summary() {
		return this.messages.map((m) => m.type === 'event' ? m.event :
			`${m.command}:${m.success}`).join(' ');
	}
}

// Starts `mixdbg --interpreter=dap` as the adapter: { dc, log, caps, err }.
async function startAdapter() {
	const dc = new DebugClient(MIXDBG, '--interpreter=dap', 'mixdbg', { env: adapterEnv() });
	dc.defaultTimeout = TIMEOUT;
	const log = new EventLog(dc);
	await dc.start();
	const a = { dc, log, err: '' };
	a.proc = dc._adapterProcess;
	a.proc.stderr.on('data', (d) => { a.err += d.toString(); });
	a.proc.once('exit', (code, signal) => { if (code || signal) console.error(`adapter exited: status ${code} signal ${signal}\n${a.err}`); });
	a.exit = new Promise((resolve) => a.proc.once('exit', (code, signal) => resolve({ code, signal })));
	a.caps = (await dc.initializeRequest()).body; // the adapter's capabilities
	return a;
}

const SANITIZER = /ERROR: [A-Za-z]+Sanitizer|: runtime error: |SUMMARY: [A-Za-z]+Sanitizer/;

function checkSanitizer(text, what) {
	assert.ok(!SANITIZER.test(text), `sanitizer report from ${what}:\n${text}`);
}

// Ends the session: disconnect (args as given), then the adapter must exit by itself, with
// status 0 and no sanitizer report.
async function finish(a, args = {}) {
	await a.dc.disconnectRequest(args);
	let timer;
	const res = await Promise.race([a.exit, new Promise((r) => { timer = setTimeout(r, 30000, null); })]);
	clearTimeout(timer);
	if (!res) {
		a.proc.kill('SIGKILL');
		assert.fail(`the adapter did not exit after disconnect; stderr:\n${a.err}`);
	}
	checkSanitizer(a.err, 'mixdbg');
	assert.equal(res.code, 0, `adapter exit status (signal ${res.signal}); stderr:\n${a.err}`);
}

// Kills the adapter after a failed test (a finished one is gone already).
function cleanup(a) {
	if (a && a.proc && a.proc.exitCode === null && a.proc.signalCode === null)
		a.proc.kill('SIGKILL');
}

// Launches with args; waits for `initialized`.
async function launch(a, args) {
	const init = a.log.next('initialized');
	await a.dc.launchRequest(args);
	await init;
}

async function topFrame(a, threadId) {
	const st = await a.dc.stackTraceRequest({ threadId, startFrame: 0, levels: 1 });
	assert.ok(st.body.stackFrames.length >= 1, 'no frames');
	return st.body.stackFrames[0];
}

async function variablesOf(a, frameId, scopeName) {
	const sc = await a.dc.scopesRequest({ frameId });
	const scope = sc.body.scopes.find((s) => s.name === scopeName);
	assert.ok(scope, `no scope ${scopeName}: ${JSON.stringify(sc.body.scopes)}`);
	const v = await a.dc.variablesRequest({ variablesReference: scope.variablesReference });
	const byName = {};
	for (const x of v.body.variables) byName[x.name] = x.value;
	return { scope, vars: byName };
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
	} catch (e) {
		return e.code === 'EPERM';
	}
	// a zombie counts as gone
	try {
		return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch (e) {
		return false;
	}
}

async function waitFile(file, re, timeout = TIMEOUT) {
	const end = Date.now() + timeout;
	for (;;) {
		try {
			const text = fs.readFileSync(file, 'utf8');
			if (re.test(text)) return text;
		} catch (e) { /* not there yet */ }
		if (Date.now() > end) throw new Error(`${file} never matched ${re}`);
		await sleep(50);
	}
}

module.exports = {
	MIXDBG, FIXTURES, C_SRC, TIMEOUT, root, adapterEnv, lineOf, sleep, EventLog, startAdapter,
	finish, cleanup, launch, topFrame, variablesOf, processAlive, waitFile, checkSanitizer, cp,
	assert,
};
