/* proto.h: the wire protocol between the session process (mixdbg) and mixdbg-tracer.
 *
 * Both ends are built from the same tree and run on the same machine, so messages are plain
 * C structs in host byte order. Every message is a struct tr_hdr followed by `len` payload
 * bytes; a message may carry one file descriptor (SCM_RIGHTS) alongside.
 *
 * Requests (session -> tracer) carry a nonzero seq and are answered by exactly one TR_REPLY with
 * the same seq; status is 0 or a negative errno, and a failed reply's payload is a NUL-terminated
 * message for the user. Events (tracer -> session, seq 0) arrive at any time between replies.
 *
 * The process model is all-stop: after a TR_EV_STOP every thread of the debuggee is stopped
 * until TR_REQ_CONT (TR_REQ_FREEZE, at a managed stop, leaves the runtime's service threads
 * running: TR_EV_THREAD and TR_EV_SIGNAL may come then). Events the tracer decides alone (the
 * runtime's own traps, ignored breakpoint hits, signals whose policy is "nostop") never reach the
 * session.
 */
#ifndef MX_PROTO_PROTO_H
#define MX_PROTO_PROTO_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

enum tr_kind {
	/* requests */
	TR_REQ_LAUNCH = 1, /* struct tr_launch + strings; reply: struct tr_launched + memfd */
	TR_REQ_ATTACH,	   /* struct tr_pid; reply: struct tr_launched + memfd */
	TR_REQ_CONT,	   /* no payload: resume every thread (pending events first) */
	TR_REQ_INTERRUPT,  /* no payload: stop every thread, then TR_EV_STOP(TR_STOP_INTERRUPT) */
	TR_REQ_DETACH,	   /* no payload: remove breakpoints, detach every thread */
	TR_REQ_KILL,	   /* no payload: kill the debuggee, reply after it is reaped */
	TR_REQ_BP_INSERT,  /* struct tr_bp; reply: struct tr_bp_inserted */
	TR_REQ_BP_REMOVE,  /* struct tr_bp */
	TR_REQ_GROUP_SET,  /* struct tr_group: set a breakpoint's ignore count */
	TR_REQ_GROUP_GET,  /* struct tr_group (id); reply: struct tr_group */
	TR_REQ_GET_REGS,   /* struct tr_pid (tid); reply: struct user_regs_struct */
	TR_REQ_SET_REGS,   /* struct tr_regs */
	TR_REQ_THREADS,	   /* no payload; reply: array of struct tr_thread_info */
	TR_REQ_SIGNAL_POLICY, /* struct tr_sigpolicy */
	TR_REQ_SINGLESTEP,    /* struct tr_step: step instructions, others stay stopped */
	TR_REQ_WATCH,	      /* struct tr_watch: set or clear a hardware watchpoint slot */
	TR_REQ_GROUP_COND,    /* struct tr_cond + code: a breakpoint's condition, run here */
	TR_REQ_GROUP_UNHIT,   /* struct tr_group (id): the session found the last hit's condition
				 false: it was no hit (and is not an ignored crossing either) */
	TR_REQ_STDIO,	      /* struct tr_stdio + a descriptor (none: forget the one kept): the
				 next TR_REQ_LAUNCH gives the program this stdin/stdout/stderr */
	TR_REQ_CONT_HOLD,     /* struct tr_pid: like TR_REQ_CONT, but that thread stays stopped */
	TR_REQ_RELEASE,	      /* struct tr_pid: resume the thread TR_REQ_CONT_HOLD kept stopped */
	TR_REQ_FREEZE,	      /* struct tr_freeze + tids: at a managed stop, stop every thread but
				 these (the runtime's service threads); no event; reply: struct
				 tr_frozen. Those threads' own stops meanwhile never hold them (see
				 events.c). The next TR_REQ_CONT (or detach, untrace, step) stops
				 them too first, then goes on as usual. Sent again while frozen:
				 these threads run too. */
	TR_REQ_UNTRACE,	      /* no payload: remove breakpoints and detach every thread like
				 TR_REQ_DETACH, but keep the process: it runs on untraced (managed-only
				 mode) and its end still comes as TR_EV_EXIT; TR_REQ_KILL and
				 TR_REQ_DETACH still work. No TR_EV_STOP or TR_EV_THREAD follows. */
	TR_REQ_THAW,	    /* no payload: after a freeze over a reported stop (tr_frozen), stop the
			       threads it left running again; nothing resumes */
	TR_REQ_USER_FREEZE, /* struct tr_user_freeze: the user froze (or thawed) a thread: a
			       frozen thread stays stopped whenever the others resume */
	TR_REQ_GET_FPREGS,  /* struct tr_pid (tid); reply: struct tr_fpregs */
	TR_REPLY = 64,
	/* events */
	TR_EV_STOP = 100, /* struct tr_stop: every thread is stopped */
	TR_EV_EXIT,	  /* struct tr_exit: the process is gone */
	TR_EV_THREAD,	  /* struct tr_thread_ev: a thread appeared or went (no stop) */
	TR_EV_SIGNAL,	  /* struct tr_signal_ev: a "print, nostop" signal passed (no stop) */
	TR_EV_MEMFD,	  /* no payload, carries a new /proc/PID/mem fd (after an exec) */
};

struct tr_hdr {
	uint32_t kind;	/* enum tr_kind */
	uint32_t len;	/* payload bytes after the header */
	uint32_t seq;	/* request number; the reply repeats it; 0 for events */
	int32_t status; /* replies: 0 or -errno */
};

#define TR_MAX_PAYLOAD (1u << 20)

/* TR_REQ_LAUNCH payload: this struct, then cwd (may be empty), argc argv strings and envc
 * environment strings, each NUL-terminated. */
struct tr_launch {
	uint32_t argc;	/* >= 1; argv[0] is the path that is executed */
	uint32_t envc;	/* the whole environment of the new process */
	uint32_t flags; /* enum tr_launch_flags */
};

enum tr_launch_flags {
	/* the program gets a process group of its own, so the terminal's Ctrl-C reaches the
	 * session only (managed-only mode: no ptrace holds the program's SIGINT back) */
	TR_LAUNCH_OWN_PGRP = 1,
};

struct tr_pid {
	int32_t pid; /* process or thread id */
};

/* TR_REQ_STDIO payload. The descriptor rides with the message; the tracer keeps it for the next
 * launch only (then closes it). Without one, the program inherits the tracer's (mixdbg's). */
struct tr_stdio {
	int32_t which; /* 0 stdin, 1 stdout, 2 stderr */
};

struct tr_freeze {
	uint32_t nkeep; /* then nkeep int32_t thread ids that keep running */
};

struct tr_frozen {
	uint32_t over_stop; /* the program was stopped already (a stop was reported, or is in
			       flight): undo with TR_REQ_THAW, not TR_REQ_CONT */
};

struct tr_user_freeze {
	int32_t tid;
	uint32_t frozen; /* 1 freeze, 0 thaw */
};

struct tr_step {
	int32_t tid;	/* the thread to step */
	uint32_t count; /* instructions (>= 1); one TR_STOP_STEP at the end, or an earlier stop */
};

struct tr_launched {
	int32_t pid;	   /* the debuggee */
	uint32_t nthreads; /* threads seized */
};

enum tr_bp_flags {
	TR_BP_INTERNAL = 1, /* the debugger's own breakpoint: ignore counts never apply */
};

struct tr_bp {
	uint64_t addr;	/* where the int3 goes */
	uint32_t group; /* the user breakpoint this location belongs to (nonzero) */
	uint32_t flags; /* enum tr_bp_flags */
};

struct tr_bp_inserted {
	uint8_t orig; /* the byte the int3 replaced */
};

struct tr_group {
	uint32_t id;	 /* user breakpoint number */
	uint32_t ignore; /* hits still to ignore */
	uint64_t hits;	 /* hits so far, ignored ones included */
	uint64_t traps;	 /* times a thread stopped in the tracer at one of its locations, false
			    conditions included (a condition decided in the program: none) */
};

/* Breakpoint conditions compiled by the session into a stack program that the tracer runs at
 * each hit (a false condition costs no round trip). Operands are int64; comparisons give 0/1.
 * A program that fails (bad code, division by zero, unreadable memory) counts as true: the
 * user sees the stop, as gdb stops on an error in a condition. */
enum tr_cond_op {
	TR_OP_CONST = 1, /* + int64: push it */
	TR_OP_REG,	 /* + uint8: push 8-byte word N of struct user_regs_struct */
	TR_OP_LOAD,	 /* + uint8 size (1, 2, 4, 8; | 0x80: zero-extend, else sign-extend):
			    pop address, push the value */
	TR_OP_NEG,
	TR_OP_NOT,
	TR_OP_BNOT,
	TR_OP_ADD,
	TR_OP_SUB,
	TR_OP_MUL,
	TR_OP_DIV,
	TR_OP_MOD,
	TR_OP_SHL,
	TR_OP_SHR,
	TR_OP_AND,
	TR_OP_OR,
	TR_OP_XOR,
	TR_OP_EQ,
	TR_OP_NE,
	TR_OP_LT,
	TR_OP_LE,
	TR_OP_GT,
	TR_OP_GE,
	TR_OP_LAND,
	TR_OP_LOR,
};

#define TR_COND_MAX 1024

struct tr_cond {
	uint32_t group; /* breakpoint number */
	uint32_t len;	/* program bytes that follow (0: no condition) */
};

struct tr_regs {
	int32_t tid;
	int32_t pad;
	struct user_regs_struct regs;
};

/* The x87, SSE and AVX registers of one thread. */
struct tr_fpregs {
	struct user_fpregs_struct fp; /* PTRACE_GETFPREGS: the FXSAVE image (st0-7, xmm0-15) */
	uint8_t ymm_hi[16][16];	      /* bits 128..255 of ymm0-15, when has_avx */
	uint32_t has_avx;	      /* the CPU and kernel keep AVX state (ymm registers) */
	uint32_t pad;
};

struct tr_thread_info {
	int32_t tid;
	uint32_t flags; /* TR_THREAD_LEADER */
};
#define TR_THREAD_LEADER 1u

enum tr_sig_flags {
	TR_SIG_STOP = 1,  /* stop the process and report */
	TR_SIG_PRINT = 2, /* tell the session (TR_EV_SIGNAL) even when not stopping */
	TR_SIG_PASS = 4,  /* deliver the signal to the program when it resumes */
	/* with PASS, for SIGSEGV, SIGBUS, SIGFPE and SIGILL raised by an instruction: stop
	 * anyway when that instruction is in native code (a file-backed mapping other than the
	 * .NET runtime's libcoreclr.so), where the runtime will not turn the fault into an
	 * exception but crash the program */
	TR_SIG_NATIVE_FAULT = 8,
};

struct tr_sigpolicy {
	int32_t signo;
	uint32_t flags; /* enum tr_sig_flags */
};

enum tr_stop_reason {
	TR_STOP_BREAKPOINT = 1, /* groups[] lists the breakpoints reporting this hit */
	TR_STOP_SIGNAL,		/* signo, code, fault_addr; delivered on resume if "pass" */
	TR_STOP_INTERRUPT,	/* TR_REQ_INTERRUPT was served */
	TR_STOP_EXEC,		/* the program called execve: breakpoints and threads are reset */
	TR_STOP_STEP,		/* TR_REQ_SINGLESTEP finished */
	TR_STOP_WATCH,		/* a hardware watchpoint triggered: watch_slot */
};

#define TR_WATCH_SLOTS 4 /* x86 debug registers DR0-DR3 */

enum tr_watch_kind {
	TR_WATCH_WRITE = 1,  /* DR7 R/W = 01: data writes */
	TR_WATCH_ACCESS = 3, /* DR7 R/W = 11: data reads or writes */
};

struct tr_watch {
	uint32_t slot; /* 0..3 */
	uint32_t kind; /* enum tr_watch_kind; 0 clears the slot */
	uint64_t addr; /* aligned to len */
	uint32_t len;  /* 1, 2, 4 or 8 */
	uint32_t pad;
};

#define TR_STOP_MAX_GROUPS 8

struct tr_stop {
	uint32_t reason;     /* enum tr_stop_reason */
	int32_t tid;	     /* the thread that stopped */
	int32_t signo;	     /* TR_STOP_SIGNAL */
	int32_t code;	     /* siginfo si_code */
	uint64_t fault_addr; /* siginfo si_addr for SIGSEGV, SIGBUS, SIGFPE, SIGILL */
	uint64_t pc;	     /* the thread's pc (breakpoint address for a hit) */
	uint32_t ngroups;    /* TR_STOP_BREAKPOINT */
	int32_t watch_slot;  /* TR_STOP_WATCH: which slot */
	struct tr_group groups[TR_STOP_MAX_GROUPS];
};

struct tr_exit {
	int32_t pid;
	int32_t code;	 /* exit status when signo == 0 */
	int32_t signo;	 /* terminating signal, or 0 */
	int32_t core;	 /* 1 if a core was dumped */
	int32_t unknown; /* 1: an untraced attached process ended; code and signo are unknown
			    (only a parent or a tracer learns them) */
};

struct tr_thread_ev {
	int32_t tid;
	int32_t exited; /* 0: created, 1: exited */
};

struct tr_signal_ev {
	int32_t tid;
	int32_t signo;
};

/* Fills policy[1..64] with the default enum tr_sig_flags of each signal. */
void tr_default_sigpolicy(uint8_t policy[65]);

/* One received message. */
struct tr_msg {
	struct tr_hdr hdr;
	void *payload; /* malloc'd, hdr.len bytes (+1 NUL for convenience), or NULL */
	int fd;	       /* received descriptor, or -1 */
};

/* Sends one message (fd < 0 for none). Returns 0 or -errno. */
int tr_send(int sock, uint32_t kind, uint32_t seq, int32_t status, const void *payload,
	    uint32_t len, int fd);
/* Receives one message, blocking. Returns 0, -EPIPE at end of stream, or -errno. */
int tr_recv(int sock, struct tr_msg *m);
void tr_msg_free(struct tr_msg *m);

#endif
