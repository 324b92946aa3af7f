/* tracer.h: state of mixdbg-tracer, the process that owns ptrace for one debuggee.
 *
 * Why a separate process: ARCHITECTURE.md. In short, libmscordbi polls waitpid() in the
 * debugger process (it would steal ptrace stops), the runtime's own traps must be answered
 * in microseconds without waking the session, and a session that dies must not leave int3
 * bytes behind: the tracer sees EOF on its socket and cleans up.
 *
 * One thread, one loop: poll() on the session socket and a signalfd for SIGCHLD. Every
 * ptrace request is issued from this thread (the kernel requires the tracer thread).
 */
#ifndef MX_TRACER_TRACER_H
#define MX_TRACER_TRACER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "proto/proto.h"
#include "tracer/agent.h"

struct tr_thread {
	pid_t tid;
	bool reaped;	     /* we have seen its first stop (new threads start unreaped) */
	bool stopped;	     /* in a ptrace stop that we reaped and have not resumed */
	bool has_event;	     /* ev waits to be reported to the session */
	struct tr_stop ev;   /* the waiting event */
	int resume_sig;	     /* signal to deliver when it resumes (0 none) */
	uint64_t hit_addr;   /* pc was rewound to this breakpoint: step over it before resuming */
	uint64_t rehit_sp;   /* rsp when rehit_addr was armed: the re-hit has the same rsp */
	bool exiting;	     /* past PTRACE_EVENT_EXIT: dying, never stopped again */
	uint64_t rehit_addr; /* a signal handler interrupted a step-over: the next int3 hit here
				is that same hit, not a new one */
	uint32_t steps_left; /* further instructions a TR_REQ_SINGLESTEP asked for */
	bool user_step;	     /* a TR_REQ_SINGLESTEP is under way */
	bool free_running;   /* TR_REQ_FREEZE left it running while the others are stopped */
	int deferred_sig;    /* a signal it got meanwhile, raised again at the thaw */
	bool silent;	     /* never announced to the session (not a thread of the process) */
	bool user_frozen;    /* TR_REQ_USER_FREEZE: stays stopped when the others resume */
	uint32_t agent_code; /* 1 + index of the trampoline whose own code (not the copied
				instruction) it was stopped in, at this stop (agent.c) */
};

enum tr_ds_mode {
	TR_DS_UNKNOWN, /* not decided yet */
	TR_DS_SLOT,    /* run a copy in scratch memory */
	TR_DS_CALL,    /* emulate a relative call */
	TR_DS_JMP,     /* emulate a relative jump */
	TR_DS_STEP,    /* remove the byte and single-step, every other thread stopped */
};

struct tr_bploc {
	uint64_t addr;	/* 0 marks a free slot */
	uint8_t orig;	/* byte under the int3 */
	bool tombstone; /* deleted slot in the open-addressing table */
	uint32_t ngroups;
	uint32_t groups[TR_STOP_MAX_GROUPS]; /* user breakpoints with a location here */
	uint32_t flags[TR_STOP_MAX_GROUPS];  /* enum tr_bp_flags for each */
	enum tr_ds_mode ds_mode;	     /* how a thread leaves this breakpoint (displace.c) */
	uint8_t ds_len;			     /* length of the instruction under the int3 */
	uint8_t ds_disp_off;		     /* offset of its RIP-relative disp32, 0 if none */
	uint64_t ds_slot;		     /* TR_DS_SLOT: address of the copy */
	uint64_t ds_target;		     /* TR_DS_CALL/JMP: branch target */
	uint32_t agent;	      /* 1 + index in tracer.agents of its live trampoline (0: none) */
	uint32_t agent_tried; /* condition generation for which a trampoline was refused */
};

/* An in-process condition (agent.c): a `jmp rel32` at addr to a trampoline in scratch memory.
 * Kept until the process goes (retired ones too: a thread may still be inside). */
struct tr_agent {
	uint64_t addr; /* the breakpoint */
	uint64_t base; /* the trampoline */
	struct tr_tramp_layout lay;
	uint8_t len;	   /* bytes of the instruction the jump covers (>= 5) */
	uint8_t orig[16];  /* its original bytes */
	uint8_t jmp[5];	   /* e9 rel32 */
	uint32_t cond_gen; /* the condition it was compiled from */
	bool live;	   /* still addr's trampoline (else retired) */
	bool armed;	   /* the jump is in memory */
};

struct tr_condprog {
	uint32_t id;   /* breakpoint (group) number */
	uint32_t len;  /* program bytes */
	uint8_t *code; /* enum tr_cond_op program */
	uint32_t gen;  /* changes whenever the program is set */
};

struct tr_scratch {
	uint64_t base; /* a page we mapped in the debuggee for instruction copies */
	size_t used;   /* bytes handed out */
};

struct tracer {
	int sock;      /* to the session */
	int sigfd;     /* signalfd for SIGCHLD */
	int memfd;     /* /proc/PID/mem of the debuggee, read/write */
	pid_t pid;     /* 0 when no process */
	bool launched; /* we started it (kill on session loss) rather than attached */
	bool running;  /* the session resumed it; a stop is not yet reported */
	struct tr_thread *threads;
	size_t nthreads, cap_threads;
	size_t report_cursor; /* round-robin start when several threads have events */
	struct tr_bploc *bps; /* open-addressing hash on addr */
	size_t bp_cap, bp_used;
	/* addresses of breakpoints removed lately: a thread may have hit one just before its
	 * removal, with the SIGTRAP not yet collected (see events.c) */
	uint64_t removed_bps[64];
	unsigned removed_next;
	/* descriptors from TR_REQ_STDIO for the next launch's stdin, stdout, stderr (-1: ours) */
	int launch_stdio[3];
	struct tr_group *groups;
	size_t ngroups, cap_groups;
	pid_t hold_tid; /* TR_REQ_CONT_HOLD: this thread stays stopped while the others run */
	bool frozen;	/* TR_REQ_FREEZE: stopped but for the free_running threads */
	bool frozen_over_stop; /* ... frozen while a reported stop waits in the session */
	uint8_t sigpolicy[65]; /* enum tr_sig_flags per signal number */
	struct tr_watch watch[TR_WATCH_SLOTS]; /* hardware watchpoints, the same in every thread */
	struct tr_condprog *conds;	       /* breakpoint conditions run at hits */
	size_t nconds, cap_conds;
	uint32_t cond_gen;	 /* last tr_condprog.gen given */
	struct tr_agent *agents; /* in-process conditions (agent.c) */
	size_t nagents, cap_agents;
	bool no_agent;		    /* MIXDBG_NO_AGENT set: conditions always stop in the tracer */
	struct tr_scratch *scratch; /* pages for displaced instructions */
	size_t nscratch, cap_scratch;
	bool no_displace;  /* MIXDBG_NO_DISPLACE set: always single-step over breakpoints */
	bool bytes_lifted; /* a vfork child shares our memory: int3 bytes are out until
			      PTRACE_EVENT_VFORK_DONE */
	bool untraced;	   /* TR_REQ_UNTRACE: pid runs with no thread traced (untrace.c) */
	int pidfd;	   /* untraced and attached: pidfd_open(pid), readable when it ends */
	pid_t let_go[8];   /* launched programs let go untraced (TR_REQ_DETACH): still our
			      children, reaped when they end */
};

/* threads.c */
struct tr_thread *tr_thread_find(struct tracer *t, pid_t tid);
struct tr_thread *tr_thread_add(struct tracer *t, pid_t tid);
void tr_thread_remove(struct tracer *t, pid_t tid);
void tr_threads_reset(struct tracer *t);

/* faults.c */
bool tr_fault_in_native_code(struct tracer *t, uint64_t pc);

/* bptable.c */
struct tr_bploc *tr_bp_find(struct tracer *t, uint64_t addr);
int tr_bp_insert(struct tracer *t, const struct tr_bp *req, uint8_t *orig);
int tr_bp_remove(struct tracer *t, const struct tr_bp *req);
void tr_bp_remove_all_bytes(struct tracer *t);
void tr_bp_forget_all(struct tracer *t);
int tr_mem_write_byte(struct tracer *t, uint64_t addr, uint8_t b);
struct tr_group *tr_group_get(struct tracer *t, uint32_t id);

/* process.c */
int tr_launch(struct tracer *t, const void *payload, uint32_t len, char *err, size_t errlen);
int tr_attach(struct tracer *t, pid_t pid, char *err, size_t errlen);
void tr_detach(struct tracer *t);
/* Before a detach: waits for the threads already exiting (they cannot be detached). */
void tr_reap_exiting(struct tracer *t);
void tr_kill(struct tracer *t);
void tr_forget_process(struct tracer *t);
int tr_open_mem(struct tracer *t);
unsigned tr_ptrace_options(const struct tracer *t);

/* untrace.c */
/* Lets go of every thread but keeps the process (see TR_REQ_UNTRACE). */
void tr_untrace(struct tracer *t);
/* SIGCHLD (a launched process) or the pidfd (an attached one): whether pid ended; if so it
 * is reported (TR_EV_EXIT) and forgotten. */
void tr_untraced_check_exit(struct tracer *t);
/* Kills the untraced process and waits until it is gone. */
void tr_untraced_kill(struct tracer *t);
/* Forgets the untraced process, which runs on (TR_REQ_DETACH). */
void tr_untraced_let_go(struct tracer *t);
/* Whether pid (just reaped) was a program let go; it is forgotten. */
bool tr_let_go_reaped(struct tracer *t, pid_t pid);

/* condvm.c */
bool tr_cond_true(struct tracer *t, pid_t tid, const uint8_t *code, size_t len);
/* Sets (len > 0) or clears breakpoint id's condition. */
void tr_cond_set(struct tracer *t, uint32_t id, const uint8_t *code, uint32_t len);
const struct tr_condprog *tr_cond_find(const struct tracer *t, uint32_t id);
void tr_cond_free_all(struct tracer *t);

/* watch.c */
int tr_watch_set(struct tracer *t, const struct tr_watch *w);
/* Writes the debug registers of a thread (a new thread starts without them). */
void tr_watch_apply(struct tracer *t, pid_t tid);
void tr_watch_sync(struct tracer *t, pid_t tid); /* also clears them when no slot is in use */
/* The slot (0..3) whose watchpoint stopped tid, from DR6, which is then cleared; -1 if none. */
int tr_watch_triggered(struct tracer *t, pid_t tid);
void tr_watch_remove_all(struct tracer *t);

/* displace.c */
/* Can th (at a breakpoint, hit_addr set) leave it without the single-step? may_inject: every
 * other thread is stopped, so scratch memory may be mapped now. */
bool tr_displace_ready(struct tracer *t, struct tr_thread *th, bool may_inject);
int tr_displace_resume(struct tracer *t, struct tr_thread *th);
/* Moves a thread stopped inside an instruction copy (pc) back to the original code; returns
 * the thread's pc after that. */
uint64_t tr_displace_fix_pc(struct tracer *t, struct tr_thread *th, uint64_t pc);
void tr_displace_release(struct tracer *t);
void tr_displace_forget(struct tracer *t);

/* Space for size bytes of code near `near` (+-1 GiB) in scratch memory, mapped if needed by
 * a system call th runs from `near` (code; every other thread stopped); 0 if none. */
uint64_t tr_scratch_alloc(struct tracer *t, struct tr_thread *th, uint64_t near, size_t size);
/* Copies the instruction at addr (original bytes) into insn (16 bytes) if it can run at
 * another address; returns the offset of its RIP-relative disp32 (0: none), or -1. */
int tr_displace_relocate(struct tracer *t, uint64_t addr, uint8_t *insn, size_t *len);

/* agent.c: in-process conditions. Trampolines are armed (jump written) only while the
 * program runs: at every stop the session sees int3 bytes, as without them. */
/* Every thread stopped: builds and arms the trampolines of conditional breakpoints. */
void tr_agent_arm_all(struct tracer *t);
void tr_agent_disarm_all(struct tracer *t);
/* Disarms every trampoline whose jump covers a byte of [addr, addr + len). */
void tr_agent_disarm_range(struct tracer *t, uint64_t addr, size_t len);
/* b's trampoline no longer fits it (removed, condition changed): disarmed and retired. */
void tr_agent_retire(struct tracer *t, struct tr_bploc *b);
void tr_agent_cond_changed(struct tracer *t, uint32_t group);
/* A thread stopped inside a trampoline is put back where the program was (see agent.c);
 * returns true if pc was in one (*pc updated). */
bool tr_agent_fix_pc(struct tracer *t, struct tr_thread *th, uint64_t *pc);
/* Shows the original bytes in buf (program memory at addr) where a jump is armed. */
/* A fault (SIGSEGV, SIGBUS) in a trampoline's own code (its stack space below the red zone
 * unmapped: a thread at the end of its stack; a load the guard let through): the trampoline
 * is given up for good and the thread, already put back, resumes without the signal. */
bool tr_agent_own_fault(struct tracer *t, struct tr_thread *th);
void tr_agent_hide(const struct tracer *t, uint64_t addr, uint8_t *buf, size_t len);
/* Writes the original bytes over armed jumps in another memory (a fork child's). */
void tr_agent_restore_into(const struct tracer *t, int memfd);
void tr_agent_forget(struct tracer *t);

/* events.c */
void tr_on_sigchld(struct tracer *t);
void tr_stop_all(struct tracer *t);
void tr_continue(struct tracer *t);
/* Resumes the thread held by TR_REQ_CONT_HOLD (if the others run). */
void tr_release(struct tracer *t, pid_t tid);
void tr_interrupt(struct tracer *t);
int tr_freeze(struct tracer *t, const int32_t *keep, size_t nkeep);
bool tr_event_pending(const struct tracer *t);
void tr_thaw(struct tracer *t);
/* Steps count instructions of tid (the steps are counted here, with no round trip each). */
int tr_singlestep(struct tracer *t, pid_t tid, uint32_t count);
void tr_send_event(struct tracer *t, uint32_t kind, const void *p, uint32_t len, int fd);
/* Reaps threads until every known thread is stopped (after interrupts were sent). */
void tr_wait_all_stopped(struct tracer *t);
/* Records a process exit and reports it; returns true if the process is gone. */
void tr_process_gone(struct tracer *t, int status);
/* fpregs.c: the x87/SSE registers of stopped thread tid, and the upper halves of its ymm
 * registers when the CPU has AVX; 0, or -errno with a message in err. */
int tr_read_fpregs(pid_t tid, struct tr_fpregs *out, char *err, size_t errlen);

#endif
