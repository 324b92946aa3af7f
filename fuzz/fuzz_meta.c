/* fuzz_meta.c: libFuzzer target for src/meta. The input is read both as an assembly (then
 * every query, and the embedded PDB's if it has one) and as a standalone portable PDB (then
 * every PDB query). Built and run by fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>

#include "meta/meta.h"

#include "meta_exercise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mx_err err;
	struct meta_image *img = NULL;
	struct meta_pdb *pdb = NULL;
	volatile unsigned answers = 0;
	if (meta_image_open_mem(data, size, &img, &err) == 0) {
		answers += exercise_image(img);
		meta_image_close(img);
	}
	if (meta_pdb_open_mem(data, size, &pdb, &err) == 0) {
		answers += exercise_pdb(pdb, 4096);
		meta_pdb_close(pdb);
	}
	(void)answers;
	return 0;
}
