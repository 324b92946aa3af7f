/* fuzz_csx.c: libFuzzer target for the C# expression parser (src/csx): any bytes as an
 * expression. A parse that succeeds must give a tree within the height limit whose dump and
 * type texts can be written; one that fails must give no tree and a message with its
 * position. Leaks on either path are found by the fuzzer's leak check. Built and run by
 * fuzz/run_csx.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csx/csx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Walks the tree (its height is bounded, so recursion is safe), writing every type. */
static unsigned walk(const struct csx_node *n)
{
	char buf[256];
	unsigned height = 0;
	if (n->type)
		csx_type_text(n->type, buf, sizeof(buf));
	for (size_t k = 0; k < n->ntype_args; k++)
		csx_type_text(n->type_args[k], buf, sizeof(buf));
	for (size_t k = 0; k < n->nkids; k++) {
		unsigned h = walk(n->kids[k]);
		if (h > height)
			height = h;
	}
	if (height + 1 != n->height)
		abort(); /* the recorded height is what the limit relies on */
	return height + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = 0;
	struct csx_node *n = (struct csx_node *)&n;
	struct mx_err err;
	int rc = csx_parse(text, &n, &err);
	if (rc == 0) {
		if (!n || err.msg[0] || walk(n) > CSX_MAX_TREE_DEPTH)
			abort();
		static char dump[1 << 16];
		csx_dump(n, dump, sizeof(dump));
		csx_free(n);
	} else if (rc != -1 || n || err.msg[0] != '(') {
		abort();
	}
	free(text);
	return 0;
}
