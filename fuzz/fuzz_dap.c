/* fuzz_dap.c: libFuzzer target for the DAP server's reader: Content-Length framing
 * (src/dap/dap_frame.c), JSON parsing and request checks (dap_msg.c), the typed decoding of
 * every request's arguments (dap_decode.c), and the answers built from what was read (error
 * responses and output events through dap_out.c, written to /dev/null; UTF-8 cleaning).
 *
 * The first input byte picks the size of the pieces the rest is fed in (as reads of a socket
 * would cut it); the rest is the byte stream from a client. Built and run by fuzz/run_dap.sh.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap_decode.h"
#include "dap/dap_frame.h"
#include "dap/dap_msg.h"
#include "dap/dap_out.h"
#include "dap/dap_utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct dap_out out;
static int out_ready;

/* Every decoder on every request, whatever its command: each must cope with any arguments. */
static void decode_all(const struct dap_req *parsed)
{
	struct dap_req r;
	struct dap_launch_args la;
	struct dap_attach_args aa;
	struct dap_bps_args ba;
	struct dap_exc_args ea;

	r = *parsed;
	dap_decode_launch(&r, &la);
	dap_launch_args_free(&la);
	r = *parsed;
	dap_decode_attach(&r, &aa);
	r = *parsed;
	/* hit conditions are parsed by the session (ses_hit_condition_parse), not here */
	dap_decode_set_breakpoints(&r, &ba);
	dap_bps_args_free(&ba);
	r = *parsed;
	dap_decode_set_function_breakpoints(&r, &ba);
	dap_bps_args_free(&ba);
	r = *parsed;
	dap_decode_set_exception_breakpoints(&r, &ea);
	dap_exc_args_free(&ea);
	/* the generic accessors, on the keys the handlers use */
	static const char *const keys[] = {
	    "threadId", "frameId", "variablesReference", "expression", "startFrame", "levels",
	    "name",	"value",   "terminateDebuggee",	 "granularity"};
	r = *parsed;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		json_int_t v;
		dap_arg_str(&r, r.args, keys[i], false);
		dap_arg_int(&r, r.args, keys[i], i == 0, &v);
		dap_arg_bool(&r, r.args, keys[i], false);
		dap_arg_object(&r, r.args, keys[i], false);
		dap_arg_array(&r, r.args, keys[i], false);
	}
	if (r.bad)
		dap_respond_error(&out, r.seq, r.command, DAP_ERR_MALFORMED, "%s: %s", r.command,
				  r.err);
	else
		dap_respond(&out, &r, json_object());
}

static void one_message(const char *body, size_t len)
{
	struct dap_req r;
	char why[400];
	enum dap_parse_result pr = dap_req_parse(body, len, &r, why, sizeof(why));
	if (pr == DAP_PARSE_BAD) {
		if (r.seq >= 0)
			dap_respond_error(&out, r.seq, r.command, DAP_ERR_MALFORMED, "%s", why);
		else
			dap_console(&out, "ignored: %s", why);
	} else if (pr == DAP_PARSE_REQUEST) {
		decode_all(&r);
	}
	dap_req_free(&r);
	/* the body as program output: cleaned to UTF-8, a cut character held back */
	size_t n;
	free(dap_utf8_clean(body, len, &n));
	size_t tail = dap_utf8_incomplete_tail(body, len);
	if (tail > 3 || tail > len)
		abort();
	dap_output(&out, "stdout", body, len - tail);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!out_ready) {
		dap_out_init(&out, open("/dev/null", O_WRONLY | O_CLOEXEC));
		out_ready = 1;
	}
	if (size < 1)
		return 0;
	size_t piece = 1 + data[0] % 64;
	data++;
	size--;
	struct dap_frame f;
	dap_frame_init(&f);
	for (size_t at = 0; at < size || at == 0; at += piece) {
		size_t n = size - at < piece ? size - at : piece;
		dap_frame_feed(&f, data + at, n);
		for (;;) {
			char *body, why[256];
			size_t len;
			enum dap_frame_result res =
			    dap_frame_next(&f, &body, &len, why, sizeof(why));
			if (res == DAP_FRAME_NONE)
				break;
			if (res == DAP_FRAME_BAD) {
				if (!why[0] || strlen(why) >= sizeof(why))
					abort(); /* a bad header always says why */
				dap_console(&out, "skipped: %s", why);
				continue;
			}
			if (strlen(body) > len || body[len] != 0)
				abort(); /* NUL-terminated, len bytes */
			one_message(body, len);
			free(body);
		}
		if (size == 0)
			break;
	}
	dap_frame_free(&f);
	return 0;
}
