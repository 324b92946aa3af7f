/* datatarget.c: ICorDebugDataTarget over the tracer's view of a stopped process. */
#include "clr/datatarget.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct data_target {
	ICorDebugDataTarget face;
	atomic_uint refs;
	struct clr_dt_ops ops;
};

#define DT(self) ((struct data_target *)(self))

/* The Windows AMD64 CONTEXT layout (winnt.h; the runtime's DT_CONTEXT): home slots, flags,
 * segment registers, debug registers, then the integer registers in this order and Rip. */
enum {
	CTX_FLAGS = 0x30,
	CTX_MXCSR = 0x34,
	CTX_SEGCS = 0x38,
	CTX_SEGDS = 0x3a,
	CTX_SEGES = 0x3c,
	CTX_SEGFS = 0x3e,
	CTX_SEGGS = 0x40,
	CTX_SEGSS = 0x42,
	CTX_EFLAGS = 0x44,
	CTX_RAX = 0x78, /* then Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8..R15, each 8 bytes */
	CTX_RIP = 0xf8,
};
/* CONTEXT_AMD64 | CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_SEGMENTS */
#define CONTEXT_AMD64_BASE 0x00100000u
#define CONTEXT_FULL_INT   (CONTEXT_AMD64_BASE | 0x1u | 0x2u | 0x4u)

static void put16(uint8_t *ctx, size_t off, uint64_t v)
{
	uint16_t x = (uint16_t)v;
	memcpy(ctx + off, &x, 2);
}

static void put32(uint8_t *ctx, size_t off, uint64_t v)
{
	uint32_t x = (uint32_t)v;
	memcpy(ctx + off, &x, 4);
}

static void put64(uint8_t *ctx, size_t off, uint64_t v)
{
	memcpy(ctx + off, &v, 8);
}

void clr_context_from_regs(const struct user_regs_struct *r, uint32_t flags, uint8_t *ctx)
{
	memset(ctx, 0, CLR_AMD64_CONTEXT_SIZE);
	put32(ctx, CTX_FLAGS, flags & CONTEXT_FULL_INT);
	put32(ctx, CTX_MXCSR, 0x1f80); /* the default; the FP state is not supplied */
	put16(ctx, CTX_SEGCS, r->cs);
	put16(ctx, CTX_SEGDS, r->ds);
	put16(ctx, CTX_SEGES, r->es);
	put16(ctx, CTX_SEGFS, r->fs);
	put16(ctx, CTX_SEGGS, r->gs);
	put16(ctx, CTX_SEGSS, r->ss);
	put32(ctx, CTX_EFLAGS, r->eflags);
	const uint64_t gp[16] = {r->rax, r->rcx, r->rdx, r->rbx, r->rsp, r->rbp, r->rsi, r->rdi,
				 r->r8,	 r->r9,	 r->r10, r->r11, r->r12, r->r13, r->r14, r->r15};
	for (int i = 0; i < 16; i++)
		put64(ctx, CTX_RAX + 8 * (size_t)i, gp[i]);
	put64(ctx, CTX_RIP, r->rip);
}

static HRESULT dt_query(ICorDebugDataTarget *self, const IID *riid, void **ppv)
{
	if (memcmp(riid, &IID_IUnknown, sizeof(IID)) == 0 ||
	    memcmp(riid, &IID_ICorDebugDataTarget, sizeof(IID)) == 0) {
		*ppv = self;
		atomic_fetch_add(&DT(self)->refs, 1);
		return S_OK;
	}
	*ppv = NULL;
	return E_NOINTERFACE;
}

static ULONG dt_addref(ICorDebugDataTarget *self)
{
	return atomic_fetch_add(&DT(self)->refs, 1) + 1;
}

static ULONG dt_release(ICorDebugDataTarget *self)
{
	unsigned left = atomic_fetch_sub(&DT(self)->refs, 1) - 1;
	if (!left)
		free(DT(self));
	return left;
}

static HRESULT dt_platform(ICorDebugDataTarget *self, CorDebugPlatform *p)
{
	(void)self;
	*p = CORDB_PLATFORM_POSIX_AMD64;
	return S_OK;
}

static HRESULT dt_read(ICorDebugDataTarget *self, CORDB_ADDRESS addr, BYTE *buf, ULONG32 len,
		       ULONG32 *got)
{
	size_t n = DT(self)->ops.read_mem(DT(self)->ops.ctx, addr, buf, len);
	if (got)
		*got = (ULONG32)n;
	/* HRESULT_FROM_WIN32(ERROR_PARTIAL_COPY): nothing readable there */
	return n ? S_OK : (HRESULT)0x8007012B;
}

static HRESULT dt_context(ICorDebugDataTarget *self, DWORD tid, ULONG32 flags, ULONG32 size,
			  BYTE *ctx)
{
	if (size < CLR_AMD64_CONTEXT_SIZE)
		return E_INVALIDARG;
	struct user_regs_struct r;
	if (DT(self)->ops.get_regs(DT(self)->ops.ctx, (pid_t)tid, &r) != 0)
		return E_FAIL;
	clr_context_from_regs(&r, flags, ctx);
	return S_OK;
}

static const struct ICorDebugDataTargetVtbl dt_vtbl = {
    .QueryInterface = dt_query,
    .AddRef = dt_addref,
    .Release = dt_release,
    .GetPlatform = dt_platform,
    .ReadVirtual = dt_read,
    .GetThreadContext = dt_context,
};

ICorDebugDataTarget *clr_data_target_new(const struct clr_dt_ops *ops)
{
	struct data_target *dt = xcalloc(1, sizeof(*dt));
	dt->face.lpVtbl = &dt_vtbl;
	dt->ops = *ops;
	atomic_init(&dt->refs, 1);
	return &dt->face;
}
