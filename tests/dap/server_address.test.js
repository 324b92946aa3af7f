// `mixdbg --server=HOST:PORT`: bound to 0.0.0.0, the server takes a session over 127.0.0.1
// (a whole debugging session, to be sure it is the DAP server); `--server=PORT` stays on the
// loopback (raw_socket.test.js); a bad address is refused with a message that says why.
'use strict';
const { test, after } = require('node:test');
const path = require('node:path');
const L = require('./lib');
const { assert } = L;

let server;

after(() => {
	if (server && server.exitCode === null) server.kill('SIGKILL');
});

// Runs mixdbg with args until it exits: { code, err }.
function runToEnd(args) {
	return new Promise((resolve) => {
		const p = L.cp.spawn(L.MIXDBG, args, { env: L.adapterEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		p.stderr.on('data', (d) => { err += d.toString(); });
		p.once('exit', (code) => {
			L.checkSanitizer(err, `mixdbg ${args.join(' ')}`);
			resolve({ code, err });
		});
	});
}

test('--server=0.0.0.0:0 listens on every address; a session over 127.0.0.1 works', async () => {
	let err = '';
	server = L.cp.spawn(L.MIXDBG, ['--server=0.0.0.0:0'], { env: L.adapterEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
	server.stderr.on('data', (d) => { err += d.toString(); });
	const end = Date.now() + 20000;
	while (!/listening on .*:\d+\n/.test(err)) {
		assert.ok(Date.now() < end && server.exitCode === null, `the server did not start: ${err}`);
		await L.sleep(20);
	}
	const m = /DAP server listening on 0\.0\.0\.0:(\d+)\n/.exec(err);
	assert.ok(m, err);
	const port = Number(m[1]);
	assert.ok(port > 0);

	const { DebugClient } = require('@vscode/debugadapter-testsupport');
	const dc = new DebugClient('unused', 'unused', 'mixdbg');
	const log = new L.EventLog(dc);
	await dc.start(port); // connects to 127.0.0.1
	await dc.initializeRequest();
	const init = log.next('initialized');
	await dc.launchRequest({ program: path.join(L.FIXTURES, 'stepper') });
	await init;
	await dc.configurationDoneRequest();
	assert.equal((await log.next('exited')).body.exitCode, 0);
	assert.equal(log.output('stdout'), 'x=5 y=10\n');
	await dc.disconnectRequest({});
	dc.stopAdapter();

	server.kill('SIGTERM');
	await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
	L.checkSanitizer(err, 'the server or a connection');
});

test('a bad --server address: an error naming what is wrong, exit status 1', async () => {
	let r = await runToEnd(['--server=no-such-host.invalid:4711']);
	assert.equal(r.code, 1);
	assert.match(r.err, /cannot listen on 'no-such-host\.invalid:4711': host 'no-such-host\.invalid': /);
	r = await runToEnd(['--server=127.0.0.1:70000']);
	assert.equal(r.code, 1);
	assert.match(r.err, /bad address '127\.0\.0\.1:70000' for --server: bad port '70000' \(0-65535\)/);
	r = await runToEnd(['--server=:4711']);
	assert.equal(r.code, 1);
	assert.match(r.err, /bad address ':4711' for --server: no host before the ':'/);
	r = await runToEnd(['--server=::1:4711']);
	assert.equal(r.code, 1);
	assert.match(r.err, /an IPv6 address goes in brackets \(\[::1\]:4711\)/);
	// an address that is not this machine's
	r = await runToEnd(['--server=192.0.2.1:0']);
	assert.equal(r.code, 1);
	assert.match(r.err, /cannot listen on 192\.0\.2\.1:0: Cannot assign requested address/);
});
