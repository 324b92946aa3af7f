/* fpregs.c: a thread's x87, SSE and AVX registers (TR_REQ_GET_FPREGS).
 *
 * PTRACE_GETFPREGS gives the FXSAVE image (struct user_fpregs_struct: x87 control words, st0-7
 * in 16-byte slots, mxcsr, xmm0-15). The upper halves of ymm0-15 are only in the XSAVE area,
 * read with PTRACE_GETREGSET NT_X86_XSTATE, which the kernel copies in the standard
 * (uncompacted) XSAVE format (linux arch/x86/kernel/fpu/regset.c, xstateregs_get), truncated
 * to the buffer given (a multiple of 8 bytes). Layout (Intel SDM vol. 1, 13.4-13.5): the
 * 512-byte legacy area, the 64-byte XSAVE header whose first 8 bytes are XSTATE_BV, then
 * state component 2 (AVX: the 16 upper halves of 16 bytes) at the offset CPUID leaf 0xD,
 * sub-leaf 2 gives in EBX (576 on every CPU so far). A clear XSTATE_BV bit 2 means the
 * component is in its initial state: all upper halves zero. */
#include <cpuid.h>
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "tracer/tracer.h"

#define XSTATE_BV_OFFSET 512 /* the XSAVE header follows the legacy area */
#define XSTATE_AVX_BIT	 2   /* state component 2: the upper halves of ymm0-15 */

/* Where the AVX component is in the standard XSAVE format; 0 when the CPU or the kernel does
 * not keep AVX state (CPUID.1:ECX bits 27 OSXSAVE and 28 AVX, then XCR0 bits 1 and 2, read
 * with xgetbv as the kernel lets user code). */
static unsigned avx_offset(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27)) || !(c & (1u << 28)))
		return 0;
	unsigned lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	if ((lo & 6) != 6)
		return 0;
	if (!__get_cpuid_count(0xd, XSTATE_AVX_BIT, &a, &b, &c, &d) || a != 256 || !b)
		return 0;
	return b;
}

int tr_read_fpregs(pid_t tid, struct tr_fpregs *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	if (ptrace(PTRACE_GETFPREGS, tid, 0, &out->fp) != 0) {
		int e = errno;
		snprintf(err, errlen, "cannot read the floating-point registers of thread %d: %s",
			 tid, strerror(e));
		return -e;
	}
	unsigned off = avx_offset();
	uint8_t xsave[1024] __attribute__((aligned(64)));
	if (!off || off + sizeof(out->ymm_hi) > sizeof(xsave))
		return 0;
	struct iovec iov = {xsave, sizeof(xsave)};
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_X86_XSTATE, &iov) != 0 ||
	    iov.iov_len < off + sizeof(out->ymm_hi))
		return 0; /* no XSAVE regset: xmm only */
	uint64_t bv;
	memcpy(&bv, xsave + XSTATE_BV_OFFSET, sizeof(bv));
	out->has_avx = 1;
	if (bv & (1u << XSTATE_AVX_BIT))
		memcpy(out->ymm_hi, xsave + off, sizeof(out->ymm_hi));
	return 0;
}
