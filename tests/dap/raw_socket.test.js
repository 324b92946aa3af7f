// `mixdbg --server=PORT` over raw TCP: malformed input (bad Content-Length, invalid JSON, no
// request, unknown command, arguments of the wrong type) gets an error response, or a console
// output event when there is no seq to answer, and the next valid request still works; a
// program being debugged is unharmed. Then VS Code's DebugClient over TCP, and one session
// per connection.
'use strict';
const { test, before, after } = require('node:test');
const net = require('node:net');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let server, serverErr = '', port;

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const p = s.address().port;
			s.close(() => resolve(p));
		});
	});
}

before(async () => {
	port = await freePort();
	server = L.cp.spawn(L.MIXDBG, [`--server=${port}`], { env: L.adapterEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
	server.stderr.on('data', (d) => { serverErr += d.toString(); });
	const end = Date.now() + 20000;
	while (!serverErr.includes('listening')) {
		assert.ok(Date.now() < end, `the server did not start: ${serverErr}`);
		assert.equal(server.exitCode, null, `the server exited: ${serverErr}`);
		await L.sleep(20);
	}
	assert.match(serverErr, new RegExp(`listening on 127\\.0\\.0\\.1:${port}\\b`));
});

after(async () => {
	server.kill('SIGTERM');
	await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
	L.checkSanitizer(serverErr, 'the server or a connection');
});

// A client that speaks the framing itself, so it can send anything.
class Raw {
	constructor() {
		this.buf = Buffer.alloc(0);
		this.messages = [];
		this.waiters = [];
		this.seq = 100;
	}

	connect() {
		return new Promise((resolve, reject) => {
			this.sock = net.createConnection(port, '127.0.0.1', resolve);
			this.sock.once('error', reject);
			this.sock.on('data', (d) => this.data(d));
		});
	}

	data(d) {
		this.buf = Buffer.concat([this.buf, d]);
		for (;;) {
			const i = this.buf.indexOf('\r\n\r\n');
			if (i < 0) return;
			const m = /Content-Length: (\d+)/.exec(this.buf.toString('latin1', 0, i));
			assert.ok(m, `the server sent a bad header: ${this.buf.toString('latin1', 0, i)}`);
			const n = Number(m[1]);
			if (this.buf.length < i + 4 + n) return;
			this.messages.push(JSON.parse(this.buf.toString('utf8', i + 4, i + 4 + n)));
			this.buf = this.buf.subarray(i + 4 + n);
			this.waiters = this.waiters.filter((w) => !w());
		}
	}

	write(bytes) {
		this.sock.write(bytes);
	}

	frame(obj) {
		const body = Buffer.from(typeof obj === 'string' ? obj : JSON.stringify(obj), 'utf8');
		return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
	}

	request(command, args) {
		const seq = ++this.seq;
		const m = { seq, type: 'request', command };
		if (args !== undefined) m.arguments = args;
		this.write(this.frame(m));
		return seq;
	}

	// The first message (after `from`) matching pred.
	wait(pred, timeout = L.TIMEOUT) {
		return new Promise((resolve, reject) => {
			const check = () => {
				const m = this.messages.find(pred);
				if (!m) return false;
				this.messages.splice(this.messages.indexOf(m), 1);
				clearTimeout(timer);
				resolve(m);
				return true;
			};
			const timer = setTimeout(() => reject(new Error(`no matching message; have: ${JSON.stringify(this.messages).slice(0, 2000)}`)), timeout);
			if (!check()) this.waiters.push(check);
		});
	}

	response(seq) {
		return this.wait((m) => m.type === 'response' && m.request_seq === seq);
	}

	console(re) {
		return this.wait((m) => m.type === 'event' && m.event === 'output' &&
			m.body.category === 'console' && re.test(m.body.output));
	}

	event(name) {
		return this.wait((m) => m.type === 'event' && m.event === name);
	}

	// A valid request still works.
	async alive() {
		const r = await this.response(this.request('threads'));
		assert.equal(r.success, true);
		assert.ok(Array.isArray(r.body.threads));
	}

	close() {
		this.sock.end();
	}
}

test('bad Content-Length headers are reported and skipped', async () => {
	const c = new Raw();
	await c.connect();
	c.write('Content-Length: abc\r\n\r\n{"seq":1,"type":"request","command":"threads"}');
	await c.console(/bad Content-Length 'abc'/);
	await c.alive();
	c.write('Content-Length: -5\r\n\r\n');
	await c.console(/bad Content-Length '-5'/);
	await c.alive();
	c.write('Content-Length: 99999999999\r\n\r\n');
	await c.console(/over the limit/);
	await c.alive();
	c.write('Content-Type: application/json\r\n\r\n{}');
	await c.console(/without Content-Length/);
	await c.alive();
	// JSON without any header
	c.write('{"seq":5,"type":"request","command":"threads"}');
	await c.console(/expected a 'Content-Length: N' header/);
	await c.alive();
	// a Content-Length too short cuts the JSON: invalid JSON, then the rest is skipped
	const body = '{"seq":6,"type":"request","command":"threads"}';
	c.write(`Content-Length: 10\r\n\r\n${body}`);
	await c.console(/invalid JSON/);
	await c.alive();
	c.close();
});

test('invalid JSON and messages that are no request', async () => {
	const c = new Raw();
	await c.connect();
	c.write(c.frame('{"seq": 1, "type": "request", "command": '));
	await c.console(/invalid JSON/);
	c.write(c.frame('[1, 2, 3]'));
	await c.console(/must be a JSON object/);
	c.write(c.frame({ type: 'request', command: 'threads' }));
	await c.console(/needs "seq"/);
	c.write(c.frame({ seq: 7, type: 'event', event: 'x' }));
	const r7 = await c.response(7);
	assert.equal(r7.success, false);
	assert.match(r7.message, /"type": "request"/);
	c.write(c.frame({ seq: 8, type: 'request' }));
	const r8 = await c.response(8);
	assert.equal(r8.success, false);
	assert.match(r8.message, /"command"/);
	c.write(c.frame('{"seq":9,"type":"request","command":"threads","arguments":"x"}'));
	const r9 = await c.response(9);
	assert.equal(r9.success, false);
	assert.match(r9.message, /"arguments" must be an object/);
	// invalid UTF-8 inside a JSON string
	c.write(Buffer.concat([Buffer.from('Content-Length: 8\r\n\r\n'), Buffer.from([0x22, 0xff, 0xfe, 0x22, 0x20, 0x20, 0x20, 0x20])]));
	await c.console(/invalid JSON/);
	// a response from the client (to nothing of ours) is dropped silently
	c.write(c.frame({ seq: 10, type: 'response', request_seq: 1, command: 'runInTerminal', success: true }));
	await c.alive();
	assert.equal(c.messages.length, 0, `nothing else was said: ${JSON.stringify(c.messages)}`);
	c.close();
});

test('unknown commands and arguments of the wrong type get error responses', async () => {
	const c = new Raw();
	await c.connect();
	const cases = [
		['bogus', {}, /does not support the 'bogus' request/],
		['restart', {}, /does not support/],
		['stackTrace', { threadId: 'one' }, /'threadId' must be an integer, not a string/],
		['stackTrace', {}, /missing argument 'threadId'/],
		['setBreakpoints', { source: { path: '/x.c' }, breakpoints: 'all' }, /'breakpoints' must be an array/],
		['setBreakpoints', { source: { path: '/x.c' }, breakpoints: [{ line: '3' }] }, /'line' must be an integer/],
		['setBreakpoints', { source: 'x.c' }, /'source' must be an object/],
		['setFunctionBreakpoints', { breakpoints: [{ name: 42 }] }, /'name' must be a string/],
		['setExceptionBreakpoints', { filters: [1] }, /'filters' must hold strings/],
		['launch', { program: 5 }, /'program' must be a string, not an integer/],
		['launch', {}, /missing argument 'program'/],
		['launch', { program: '/bin/true', env: { A: 1 } }, /environment variable 'A' must be a string/],
		['launch', { program: '/bin/true', stopAtEntry: 'yes' }, /'stopAtEntry' must be true or false/],
		['attach', { processId: 'abc' }, /'processId' must be a process id/],
		['attach', { processId: -3 }, /positive process id/],
		['evaluate', { expression: { x: 1 } }, /'expression' must be a string, not an object/],
		['variables', { variablesReference: 1.5 }, /must be an integer, not a number with a fraction/],
		['initialize', { linesStartAt1: 'true' }, /'linesStartAt1' must be true or false/],
	];
	for (const [cmd, args, re] of cases) {
		const r = await c.response(c.request(cmd, args));
		assert.equal(r.success, false, `${cmd} ${JSON.stringify(args)} succeeded`);
		assert.equal(r.command, cmd);
		assert.match(r.message, re, `${cmd} ${JSON.stringify(args)}`);
		assert.equal(typeof r.body.error.id, 'number');
		assert.equal(r.body.error.format, r.message);
	}
	await c.alive();
	c.close();
});

test('a program being debugged is unharmed by bad input', async () => {
	const c = new Raw();
	await c.connect();
	const src = path.join(L.C_SRC, 'loop.c');
	const line = L.lineOf(src, 'counter++;');
	assert.equal((await c.response(c.request('initialize', { adapterID: 'mixdbg' }))).success, true);
	assert.equal((await c.response(c.request('launch', { program: path.join(L.FIXTURES, 'loop'), args: ['4'] }))).success, true);
	await c.event('initialized');
	await c.response(c.request('setBreakpoints', { source: { path: src }, breakpoints: [{ line }] }));
	await c.response(c.request('configurationDone'));
	const stop = await c.event('stopped');
	const tid = stop.body.threadId;
	// garbage while stopped
	c.write('Content-Length: x\r\n\r\n}}}');
	c.write(c.frame('{"seq":'));
	const bad = await c.response(c.request('next', { threadId: 'main' }));
	assert.equal(bad.success, false);
	await c.console(/bad Content-Length/);
	const st = await c.response(c.request('stackTrace', { threadId: tid }));
	assert.equal(st.success, true);
	assert.equal(st.body.stackFrames[0].name, 'hot');
	assert.equal(st.body.stackFrames[0].line, line);
	await c.response(c.request('setBreakpoints', { source: { path: src }, breakpoints: [] }));
	await c.response(c.request('continue', { threadId: tid }));
	const exited = await c.event('exited');
	assert.equal(exited.body.exitCode, 0);
	const out = await c.wait((m) => m.event === 'output' && m.body.category === 'stdout');
	assert.equal(out.body.output, 'sum=12 calls=4\n');
	assert.equal((await c.response(c.request('disconnect'))).success, true);
	c.close();
});

test('VS Code\'s DebugClient over TCP; a session per connection, two at once', async () => {
	const { DebugClient } = require('@vscode/debugadapter-testsupport');
	const stepper = path.join(L.FIXTURES, 'stepper');
	const src = path.join(L.C_SRC, 'stepper.c');
	const line = L.lineOf(src, 'int y = nodebug_twice(x);');
	const session = async () => {
		const dc = new DebugClient('unused', 'unused', 'mixdbg');
		const log = new L.EventLog(dc);
		await dc.start(port);
		await dc.initializeRequest();
		const init = log.next('initialized');
		await dc.launchRequest({ program: stepper });
		await init;
		await dc.setBreakpointsRequest({ source: { path: src }, breakpoints: [{ line }] });
		await dc.configurationDoneRequest();
		const stop = await log.next('stopped');
		const f = (await dc.stackTraceRequest({ threadId: stop.body.threadId })).body.stackFrames[0];
		assert.equal(f.line, line);
		await dc.continueRequest({ threadId: stop.body.threadId });
		assert.equal((await log.next('exited')).body.exitCode, 0);
		assert.equal(log.output('stdout'), 'x=5 y=10\n');
		await dc.disconnectRequest({});
		dc.stopAdapter();
		return stop.body.threadId;
	};
	const [t1, t2] = await Promise.all([session(), session()]);
	assert.notEqual(t1, t2, 'two programs');
	await session(); // and another after them
});
