/* cordebug.h: the ICorDebug COM interfaces of the runtime's debugger library (libmscordbi.so),
 * declared in C.
 *
 * Written by us from the facts of dotnet/runtime src/coreclr/inc/cordebug.idl (method order,
 * parameter types and names, uuids, enum values), corhdr.h (CorElementType) and metahost.idl
 * (CLR_DEBUGGING_*). A COM object is a pointer to a table of function pointers (its vtable) whose
 * first three slots are IUnknown's; an interface derived from another one lists the base's
 * methods first, in the base's order, then its own in IDL order. The slot order IS the ABI:
 * never reorder, insert or drop a member. Each vtable's slot count is checked at compile time
 * below (the IDL's count, IUnknown's 3 included).
 *
 * Types follow the Linux PAL of CoreCLR (LP64): ULONG, DWORD and BOOL are 32-bit, WCHAR is
 * UTF-16, SIZE_T is 64-bit. Interfaces we only pass along are declared as opaque structs; so are
 * the Windows-only types of a few signatures (void pointers, never used on Linux).
 *
 * Calling: COM(obj, Method, args...) calls obj->lpVtbl->Method(obj, args...); COM_RELEASE(p)
 * releases p if non-NULL and sets it to NULL.
 */
#ifndef MX_CLR_CORDEBUG_H
#define MX_CLR_CORDEBUG_H

#include <stddef.h>
#include <stdint.h>
#include <uchar.h>

#include "clr/hresult.h" /* HRESULT and its values (S_OK, E_NOINTERFACE, CORDBG_E_...) */

/* ---- basic types (CoreCLR PAL, LP64) ---- */

typedef uint32_t ULONG;
typedef uint32_t ULONG32;
typedef uint64_t ULONG64;
typedef int32_t LONG;
typedef int32_t BOOL;
typedef uint32_t DWORD;
typedef uint32_t UINT;
typedef uint16_t USHORT;
typedef uint8_t BYTE;
typedef uint64_t UINT64;
typedef size_t SIZE_T;
typedef uintptr_t UINT_PTR;
typedef char16_t WCHAR;
typedef const WCHAR *LPCWSTR;
typedef WCHAR *LPWSTR;
typedef void *PVOID;

typedef uint64_t CORDB_ADDRESS; /* every target address, zero-extended */
typedef uint64_t CORDB_REGISTER;
typedef DWORD CORDB_CONTINUE_STATUS;
typedef uint64_t TASKID;
typedef DWORD CONNID;

/* Metadata tokens (table << 24 | row) and signature blobs. */
typedef uint32_t mdToken;
typedef mdToken mdModule;
typedef mdToken mdTypeDef;
typedef mdToken mdTypeRef;
typedef mdToken mdMethodDef;
typedef mdToken mdFieldDef;
typedef mdToken mdMemberRef;
typedef mdToken mdSignature;
typedef mdToken mdSourceFile;
typedef const uint8_t *PCCOR_SIGNATURE;

/* Windows-only types of a few signatures (ICorDebug::CreateProcess, the unmanaged callback,
 * process and thread handles): opaque pointers here. */
typedef void *HPROCESS;
typedef void *HTHREAD;
typedef void *LPSECURITY_ATTRIBUTES;
typedef void *LPSTARTUPINFOW;
typedef void *LPPROCESS_INFORMATION;
typedef void *LPDEBUG_EVENT;

typedef struct {
	uint32_t Data1;
	uint16_t Data2, Data3;
	uint8_t Data4[8];
} GUID;
typedef GUID IID;

/* ---- enumerations (values from the IDL; all are 32-bit ints in the ABI) ---- */

/* CorElementType (corhdr.h): the type codes of ECMA-335 signatures. */
typedef enum CorElementType {
	ELEMENT_TYPE_END = 0x00,
	ELEMENT_TYPE_VOID = 0x01,
	ELEMENT_TYPE_BOOLEAN = 0x02,
	ELEMENT_TYPE_CHAR = 0x03,
	ELEMENT_TYPE_I1 = 0x04,
	ELEMENT_TYPE_U1 = 0x05,
	ELEMENT_TYPE_I2 = 0x06,
	ELEMENT_TYPE_U2 = 0x07,
	ELEMENT_TYPE_I4 = 0x08,
	ELEMENT_TYPE_U4 = 0x09,
	ELEMENT_TYPE_I8 = 0x0a,
	ELEMENT_TYPE_U8 = 0x0b,
	ELEMENT_TYPE_R4 = 0x0c,
	ELEMENT_TYPE_R8 = 0x0d,
	ELEMENT_TYPE_STRING = 0x0e,
	ELEMENT_TYPE_PTR = 0x0f,
	ELEMENT_TYPE_BYREF = 0x10,
	ELEMENT_TYPE_VALUETYPE = 0x11,
	ELEMENT_TYPE_CLASS = 0x12,
	ELEMENT_TYPE_VAR = 0x13,
	ELEMENT_TYPE_ARRAY = 0x14,
	ELEMENT_TYPE_GENERICINST = 0x15,
	ELEMENT_TYPE_TYPEDBYREF = 0x16,
	ELEMENT_TYPE_I = 0x18,
	ELEMENT_TYPE_U = 0x19,
	ELEMENT_TYPE_FNPTR = 0x1b,
	ELEMENT_TYPE_OBJECT = 0x1c,
	ELEMENT_TYPE_SZARRAY = 0x1d,
	ELEMENT_TYPE_MVAR = 0x1e,
	ELEMENT_TYPE_CMOD_REQD = 0x1f,
	ELEMENT_TYPE_CMOD_OPT = 0x20,
	ELEMENT_TYPE_INTERNAL = 0x21,	   /* runtime-internal signatures only */
	ELEMENT_TYPE_CMOD_INTERNAL = 0x22, /* runtime-internal, newer runtimes */
	ELEMENT_TYPE_MODIFIER = 0x40,
	ELEMENT_TYPE_SENTINEL = 0x01 | ELEMENT_TYPE_MODIFIER,
	ELEMENT_TYPE_PINNED = 0x05 | ELEMENT_TYPE_MODIFIER,
} CorElementType;

/* Special ilOffset values in COR_DEBUG_IL_TO_NATIVE_MAP entries. */
typedef enum CorDebugIlToNativeMappingTypes {
	NO_MAPPING = -1,
	PROLOG = -2,
	EPILOG = -3,
} CorDebugIlToNativeMappingTypes;

typedef enum CorDebugJITCompilerFlags {
	CORDEBUG_JIT_DEFAULT = 0x1,		 /* track info, optimizations on */
	CORDEBUG_JIT_DISABLE_OPTIMIZATION = 0x3, /* track info, optimizations off */
	CORDEBUG_JIT_ENABLE_ENC = 0x7,		 /* also Edit and Continue */
} CorDebugJITCompilerFlags;

typedef enum CorDebugJITCompilerFlagsDeprecated {
	CORDEBUG_JIT_TRACK_DEBUG_INFO = 0x1,
} CorDebugJITCompilerFlagsDeprecated;

typedef enum CorDebugNGENPolicy {
	DISABLE_LOCAL_NIC = 1,
} CorDebugNGENPolicy;

/* ICorDebugDataTarget::GetPlatform */
typedef enum CorDebugPlatform {
	CORDB_PLATFORM_WINDOWS_X86 = 0,
	CORDB_PLATFORM_WINDOWS_AMD64 = 1,
	CORDB_PLATFORM_WINDOWS_IA64 = 2,
	CORDB_PLATFORM_MAC_PPC = 3,
	CORDB_PLATFORM_MAC_X86 = 4,
	CORDB_PLATFORM_WINDOWS_ARM = 5,
	CORDB_PLATFORM_MAC_AMD64 = 6,
	CORDB_PLATFORM_WINDOWS_ARM64 = 7,
	CORDB_PLATFORM_POSIX_AMD64 = 8,
	CORDB_PLATFORM_POSIX_X86 = 9,
	CORDB_PLATFORM_POSIX_ARM = 10,
	CORDB_PLATFORM_POSIX_ARM64 = 11,
	CORDB_PLATFORM_POSIX_LOONGARCH64 = 12,
	CORDB_PLATFORM_POSIX_RISCV64 = 13,
} CorDebugPlatform;

/* ICorDebugManagedCallback::StepComplete */
typedef enum CorDebugStepReason {
	STEP_NORMAL = 0,
	STEP_RETURN = 1,
	STEP_CALL = 2,
	STEP_EXCEPTION_FILTER = 3,
	STEP_EXCEPTION_HANDLER = 4,
	STEP_INTERCEPT = 5,
	STEP_EXIT = 6,
} CorDebugStepReason;

/* ICorDebugManagedCallback::LogMessage / LogSwitch (lLevel, ulReason) */
typedef enum LoggingLevelEnum {
	LTraceLevel0 = 0,
	LTraceLevel1 = 1,
	LTraceLevel2 = 2,
	LTraceLevel3 = 3,
	LTraceLevel4 = 4,
	LStatusLevel0 = 20,
	LStatusLevel1 = 21,
	LStatusLevel2 = 22,
	LStatusLevel3 = 23,
	LStatusLevel4 = 24,
	LWarningLevel = 40,
	LErrorLevel = 50,
	LPanicLevel = 100,
} LoggingLevelEnum;

typedef enum LogSwitchCallReason {
	SWITCH_CREATE = 0,
	SWITCH_MODIFY = 1,
	SWITCH_DELETE = 2,
} LogSwitchCallReason;

/* ICorDebugManagedCallback2::Exception */
typedef enum CorDebugExceptionCallbackType {
	DEBUG_EXCEPTION_FIRST_CHANCE = 1,	 /* thrown */
	DEBUG_EXCEPTION_USER_FIRST_CHANCE = 2,	 /* the search reached user code */
	DEBUG_EXCEPTION_CATCH_HANDLER_FOUND = 3, /* the search found a handler */
	DEBUG_EXCEPTION_UNHANDLED = 4,		 /* the search found no handler */
} CorDebugExceptionCallbackType;

/* dwFlags of ICorDebugManagedCallback2::Exception */
typedef enum CorDebugExceptionFlags {
	DEBUG_EXCEPTION_NONE = 0,
	DEBUG_EXCEPTION_CAN_BE_INTERCEPTED = 0x0001,
} CorDebugExceptionFlags;

/* ICorDebugManagedCallback2::ExceptionUnwind */
typedef enum CorDebugExceptionUnwindCallbackType {
	DEBUG_EXCEPTION_UNWIND_BEGIN = 1,
	DEBUG_EXCEPTION_INTERCEPTED = 2,
} CorDebugExceptionUnwindCallbackType;

typedef enum CorDebugCreateProcessFlags {
	DEBUG_NO_SPECIAL_OPTIONS = 0x0000,
} CorDebugCreateProcessFlags;

/* ICorDebugHeapValue2::CreateHandle */
typedef enum CorDebugHandleType {
	HANDLE_STRONG = 1,
	HANDLE_WEAK_TRACK_RESURRECTION = 2,
	HANDLE_PINNED = 3,
} CorDebugHandleType;

/* The iDebuggerVersion of CoreCLRCreateCordbObject*: the API version the debugger speaks. */
typedef enum CorDebugInterfaceVersion {
	CorDebugInvalidVersion = 0,
	CorDebugVersion_1_0 = CorDebugInvalidVersion + 1,
	ver_ICorDebugManagedCallback = CorDebugVersion_1_0,
	ver_ICorDebugUnmanagedCallback = CorDebugVersion_1_0,
	ver_ICorDebug = CorDebugVersion_1_0,
	ver_ICorDebugController = CorDebugVersion_1_0,
	ver_ICorDebugAppDomain = CorDebugVersion_1_0,
	ver_ICorDebugAssembly = CorDebugVersion_1_0,
	ver_ICorDebugProcess = CorDebugVersion_1_0,
	ver_ICorDebugBreakpoint = CorDebugVersion_1_0,
	ver_ICorDebugFunctionBreakpoint = CorDebugVersion_1_0,
	ver_ICorDebugModuleBreakpoint = CorDebugVersion_1_0,
	ver_ICorDebugValueBreakpoint = CorDebugVersion_1_0,
	ver_ICorDebugStepper = CorDebugVersion_1_0,
	ver_ICorDebugRegisterSet = CorDebugVersion_1_0,
	ver_ICorDebugThread = CorDebugVersion_1_0,
	ver_ICorDebugChain = CorDebugVersion_1_0,
	ver_ICorDebugFrame = CorDebugVersion_1_0,
	ver_ICorDebugILFrame = CorDebugVersion_1_0,
	ver_ICorDebugNativeFrame = CorDebugVersion_1_0,
	ver_ICorDebugModule = CorDebugVersion_1_0,
	ver_ICorDebugFunction = CorDebugVersion_1_0,
	ver_ICorDebugCode = CorDebugVersion_1_0,
	ver_ICorDebugClass = CorDebugVersion_1_0,
	ver_ICorDebugEval = CorDebugVersion_1_0,
	ver_ICorDebugValue = CorDebugVersion_1_0,
	ver_ICorDebugGenericValue = CorDebugVersion_1_0,
	ver_ICorDebugReferenceValue = CorDebugVersion_1_0,
	ver_ICorDebugHeapValue = CorDebugVersion_1_0,
	ver_ICorDebugObjectValue = CorDebugVersion_1_0,
	ver_ICorDebugBoxValue = CorDebugVersion_1_0,
	ver_ICorDebugStringValue = CorDebugVersion_1_0,
	ver_ICorDebugArrayValue = CorDebugVersion_1_0,
	ver_ICorDebugContext = CorDebugVersion_1_0,
	ver_ICorDebugEnum = CorDebugVersion_1_0,
	ver_ICorDebugObjectEnum = CorDebugVersion_1_0,
	ver_ICorDebugBreakpointEnum = CorDebugVersion_1_0,
	ver_ICorDebugStepperEnum = CorDebugVersion_1_0,
	ver_ICorDebugProcessEnum = CorDebugVersion_1_0,
	ver_ICorDebugThreadEnum = CorDebugVersion_1_0,
	ver_ICorDebugFrameEnum = CorDebugVersion_1_0,
	ver_ICorDebugChainEnum = CorDebugVersion_1_0,
	ver_ICorDebugModuleEnum = CorDebugVersion_1_0,
	ver_ICorDebugValueEnum = CorDebugVersion_1_0,
	ver_ICorDebugCodeEnum = CorDebugVersion_1_0,
	ver_ICorDebugTypeEnum = CorDebugVersion_1_0,
	ver_ICorDebugErrorInfoEnum = CorDebugVersion_1_0,
	ver_ICorDebugAppDomainEnum = CorDebugVersion_1_0,
	ver_ICorDebugAssemblyEnum = CorDebugVersion_1_0,
	ver_ICorDebugEditAndContinueErrorInfo = CorDebugVersion_1_0,
	ver_ICorDebugEditAndContinueSnapshot = CorDebugVersion_1_0,

	CorDebugVersion_1_1 = CorDebugVersion_1_0 + 1,

	CorDebugVersion_2_0 = CorDebugVersion_1_1 + 1,
	ver_ICorDebugManagedCallback2 = CorDebugVersion_2_0,
	ver_ICorDebugAppDomain2 = CorDebugVersion_2_0,
	ver_ICorDebugAssembly2 = CorDebugVersion_2_0,
	ver_ICorDebugProcess2 = CorDebugVersion_2_0,
	ver_ICorDebugStepper2 = CorDebugVersion_2_0,
	ver_ICorDebugRegisterSet2 = CorDebugVersion_2_0,
	ver_ICorDebugThread2 = CorDebugVersion_2_0,
	ver_ICorDebugILFrame2 = CorDebugVersion_2_0,
	ver_ICorDebugInternalFrame = CorDebugVersion_2_0,
	ver_ICorDebugModule2 = CorDebugVersion_2_0,
	ver_ICorDebugFunction2 = CorDebugVersion_2_0,
	ver_ICorDebugCode2 = CorDebugVersion_2_0,
	ver_ICorDebugClass2 = CorDebugVersion_2_0,
	ver_ICorDebugValue2 = CorDebugVersion_2_0,
	ver_ICorDebugEval2 = CorDebugVersion_2_0,
	ver_ICorDebugObjectValue2 = CorDebugVersion_2_0,

	CorDebugVersion_4_0 = CorDebugVersion_2_0 + 1,
	ver_ICorDebugThread3 = CorDebugVersion_4_0,
	ver_ICorDebugThread4 = CorDebugVersion_4_0,
	ver_ICorDebugStackWalk = CorDebugVersion_4_0,
	ver_ICorDebugNativeFrame2 = CorDebugVersion_4_0,
	ver_ICorDebugInternalFrame2 = CorDebugVersion_4_0,
	ver_ICorDebugRuntimeUnwindableFrame = CorDebugVersion_4_0,
	ver_ICorDebugHeapValue3 = CorDebugVersion_4_0,
	ver_ICorDebugBlockingObjectEnum = CorDebugVersion_4_0,
	ver_ICorDebugValue3 = CorDebugVersion_4_0,

	CorDebugVersion_4_5 = CorDebugVersion_4_0 + 1,
	ver_ICorDebugComObjectValue = CorDebugVersion_4_5,
	ver_ICorDebugAppDomain3 = CorDebugVersion_4_5,
	ver_ICorDebugCode3 = CorDebugVersion_4_5,
	ver_ICorDebugILFrame3 = CorDebugVersion_4_5,

	CorDebugLatestVersion = CorDebugVersion_4_5,
} CorDebugInterfaceVersion;

/* ICorDebugThread::SetDebugState, ICorDebugController::SetAllThreadsDebugState */
typedef enum CorDebugThreadState {
	THREAD_RUN = 0,
	THREAD_SUSPEND = 1,
} CorDebugThreadState;

/* COR_SEGMENT.type (ICorDebugHeapSegmentEnum) */
typedef enum CorDebugGenerationTypes {
	CorDebug_Gen0 = 0,
	CorDebug_Gen1 = 1,
	CorDebug_Gen2 = 2,
	CorDebug_LOH = 3,
	CorDebug_POH = 4,
	CorDebug_NonGC = 0x7fffffff, /* INT_MAX */
} CorDebugGenerationTypes;

/* COR_HEAPINFO.gcType */
typedef enum CorDebugGCType {
	CorDebugWorkstationGC = 0,
	CorDebugServerGC = 1,
} CorDebugGCType;

/* ICorDebugProcess5::EnumerateHandles (a mask). The IDL writes CorReferenceStack as
 * 0x80000001 (out of int's range: written here as its int value) and CorReferenceFinalizer as
 * decimal 80000002, which is what the runtime uses. */
typedef enum CorGCReferenceType {
	CorHandleStrong = 1 << 0,
	CorHandleStrongPinning = 1 << 1,
	CorHandleWeakShort = 1 << 2,
	CorHandleWeakLong = 1 << 3,
	CorHandleWeakRefCount = 1 << 4,
	CorHandleStrongRefCount = 1 << 5,
	CorHandleStrongDependent = 1 << 6,
	CorHandleStrongAsyncPinned = 1 << 7,
	CorHandleStrongSizedByref = 1 << 8,
	CorHandleWeakNativeCom = 1 << 9,
	CorHandleWeakWinRT = CorHandleWeakNativeCom,
	CorReferenceStack = (int)0x80000001,
	CorReferenceFinalizer = 80000002,
	CorHandleStrongOnly = 0x1E3,
	CorHandleWeakOnly = 0x21C,
	CorHandleAll = 0x7FFFFFFF,
} CorGCReferenceType;

/* ICorDebugProcess6::DecodeEvent (not declared here) and ICorDebugDebugEvent::GetEventKind */
typedef enum CorDebugDebugEventKind {
	DEBUG_EVENT_KIND_MODULE_LOADED = 1,
	DEBUG_EVENT_KIND_MODULE_UNLOADED = 2,
	DEBUG_EVENT_KIND_MANAGED_EXCEPTION_FIRST_CHANCE = 3,
	DEBUG_EVENT_KIND_MANAGED_EXCEPTION_USER_FIRST_CHANCE = 4,
	DEBUG_EVENT_KIND_MANAGED_EXCEPTION_CATCH_HANDLER_FOUND = 5,
	DEBUG_EVENT_KIND_MANAGED_EXCEPTION_UNHANDLED = 6,
} CorDebugDebugEventKind;

/* ICorDebugProcess6::ProcessStateChanged (not declared here) */
typedef enum CorDebugStateChange {
	PROCESS_RUNNING = 0x0000001,
	FLUSH_ALL = 0x0000002,
} CorDebugStateChange;

/* ICorDebugStepper::SetInterceptMask */
typedef enum CorDebugIntercept {
	INTERCEPT_NONE = 0x0,
	INTERCEPT_CLASS_INIT = 0x01,
	INTERCEPT_EXCEPTION_FILTER = 0x02,
	INTERCEPT_SECURITY = 0x04,
	INTERCEPT_CONTEXT_POLICY = 0x08,
	INTERCEPT_INTERCEPTION = 0x10,
	INTERCEPT_ALL = 0xffff,
} CorDebugIntercept;

/* ICorDebugStepper::SetUnmappedStopMask */
typedef enum CorDebugUnmappedStop {
	STOP_NONE = 0x0,
	STOP_PROLOG = 0x01,
	STOP_EPILOG = 0x02,
	STOP_NO_MAPPING_INFO = 0x04,
	STOP_OTHER_UNMAPPED = 0x08,
	STOP_UNMANAGED = 0x10,
	STOP_ALL = 0xffff,
} CorDebugUnmappedStop;

/* ICorDebugRegisterSet / ICorDebugNativeFrame register numbers: the architecture-neutral names
 * and AMD64's (the IDL's x86, IA64, ARM, ARM64, LoongArch64 and RISC-V 64 names, which reuse the
 * same numbers, are left out). A register's bit in GetRegistersAvailable's mask is 1 << value. */
typedef enum CorDebugRegister {
	REGISTER_INSTRUCTION_POINTER = 0,
	REGISTER_STACK_POINTER = 1,
	REGISTER_FRAME_POINTER = 2,

	REGISTER_AMD64_RIP = 0,
	REGISTER_AMD64_RSP = 1,
	REGISTER_AMD64_RBP = 2,
	REGISTER_AMD64_RAX = 3,
	REGISTER_AMD64_RCX = 4,
	REGISTER_AMD64_RDX = 5,
	REGISTER_AMD64_RBX = 6,
	REGISTER_AMD64_RSI = 7,
	REGISTER_AMD64_RDI = 8,
	REGISTER_AMD64_R8 = 9,
	REGISTER_AMD64_R9 = 10,
	REGISTER_AMD64_R10 = 11,
	REGISTER_AMD64_R11 = 12,
	REGISTER_AMD64_R12 = 13,
	REGISTER_AMD64_R13 = 14,
	REGISTER_AMD64_R14 = 15,
	REGISTER_AMD64_R15 = 16,
	REGISTER_AMD64_XMM0 = 17,
	REGISTER_AMD64_XMM1 = 18,
	REGISTER_AMD64_XMM2 = 19,
	REGISTER_AMD64_XMM3 = 20,
	REGISTER_AMD64_XMM4 = 21,
	REGISTER_AMD64_XMM5 = 22,
	REGISTER_AMD64_XMM6 = 23,
	REGISTER_AMD64_XMM7 = 24,
	REGISTER_AMD64_XMM8 = 25,
	REGISTER_AMD64_XMM9 = 26,
	REGISTER_AMD64_XMM10 = 27,
	REGISTER_AMD64_XMM11 = 28,
	REGISTER_AMD64_XMM12 = 29,
	REGISTER_AMD64_XMM13 = 30,
	REGISTER_AMD64_XMM14 = 31,
	REGISTER_AMD64_XMM15 = 32,
} CorDebugRegister;

/* ICorDebugThread::GetUserState (a mask) */
typedef enum CorDebugUserState {
	USER_STOP_REQUESTED = 0x01,
	USER_SUSPEND_REQUESTED = 0x02,
	USER_BACKGROUND = 0x04,
	USER_UNSTARTED = 0x08,
	USER_STOPPED = 0x10,
	USER_WAIT_SLEEP_JOIN = 0x20,
	USER_SUSPENDED = 0x40,
	USER_UNSAFE_POINT = 0x80, /* suspending the thread here will likely deadlock */
	USER_THREADPOOL = 0x100,
} CorDebugUserState;

/* ICorDebugStackWalk::SetContext */
typedef enum CorDebugSetContextFlag {
	SET_CONTEXT_FLAG_ACTIVE_FRAME = 0x1,
	SET_CONTEXT_FLAG_UNWIND_FRAME = 0x2,
} CorDebugSetContextFlag;

/* ICorDebugChain::GetReason */
typedef enum CorDebugChainReason {
	CHAIN_NONE = 0x000,
	CHAIN_CLASS_INIT = 0x001,
	CHAIN_EXCEPTION_FILTER = 0x002,
	CHAIN_SECURITY = 0x004,
	CHAIN_CONTEXT_POLICY = 0x008,
	CHAIN_INTERCEPTION = 0x010,
	CHAIN_PROCESS_START = 0x020,
	CHAIN_THREAD_START = 0x040,
	CHAIN_ENTER_MANAGED = 0x080,
	CHAIN_ENTER_UNMANAGED = 0x100,
	CHAIN_DEBUGGER_EVAL = 0x200,
	CHAIN_CONTEXT_SWITCH = 0x400,
	CHAIN_FUNC_EVAL = 0x800,
} CorDebugChainReason;

/* ICorDebugInternalFrame::GetFrameType (unknown values must be ignored) */
typedef enum CorDebugInternalFrameType {
	STUBFRAME_NONE = 0x00000000,
	STUBFRAME_M2U = 0x0000001,
	STUBFRAME_U2M = 0x0000002,
	STUBFRAME_APPDOMAIN_TRANSITION = 0x00000003,
	STUBFRAME_LIGHTWEIGHT_FUNCTION = 0x00000004,
	STUBFRAME_FUNC_EVAL = 0x00000005,
	STUBFRAME_INTERNALCALL = 0x00000006,
	STUBFRAME_CLASS_INIT = 0x00000007,
	STUBFRAME_EXCEPTION = 0x00000008,
	STUBFRAME_SECURITY = 0x00000009,
	STUBFRAME_JIT_COMPILATION = 0x0000000a,
} CorDebugInternalFrameType;

/* ICorDebugILFrame::GetIP */
typedef enum CorDebugMappingResult {
	MAPPING_PROLOG = 0x1,
	MAPPING_EPILOG = 0x2,
	MAPPING_NO_INFO = 0x4,
	MAPPING_UNMAPPED_ADDRESS = 0x8,
	MAPPING_EXACT = 0x10,
	MAPPING_APPROXIMATE = 0x20,
} CorDebugMappingResult;

/* ICorDebugMDA::GetFlags */
typedef enum CorDebugMDAFlags {
	MDA_FLAG_SLIP = 0x2,
} CorDebugMDAFlags;

/* metahost.idl: OpenVirtualProcess's flags out */
typedef enum CLR_DEBUGGING_PROCESS_FLAGS {
	CLR_DEBUGGING_MANAGED_EVENT_PENDING = 1,
	CLR_DEBUGGING_MANAGED_EVENT_DEBUGGER_LAUNCH = 2,
} CLR_DEBUGGING_PROCESS_FLAGS;

/* ---- structures (IDL layouts; checked below) ---- */

typedef struct COR_IL_MAP {
	ULONG32 oldOffset; /* IL offsets from the start of the function */
	ULONG32 newOffset;
	BOOL fAccurate;
} COR_IL_MAP;

/* ICorDebugCode::GetILToNativeMapping. ilOffset may be a CorDebugIlToNativeMappingTypes. */
typedef struct COR_DEBUG_IL_TO_NATIVE_MAP {
	ULONG32 ilOffset;
	ULONG32 nativeStartOffset;
	ULONG32 nativeEndOffset;
} COR_DEBUG_IL_TO_NATIVE_MAP;

/* ICorDebugStepper::StepRange: [startOffset, endOffset) from the start of the frame's code. */
typedef struct COR_DEBUG_STEP_RANGE {
	ULONG32 startOffset, endOffset;
} COR_DEBUG_STEP_RANGE;

/* ICorDebugProcess2::GetVersion */
typedef struct COR_VERSION {
	DWORD dwMajor;
	DWORD dwMinor;
	DWORD dwBuild;
	DWORD dwSubBuild;
} COR_VERSION;

/* ICorDebugProcess5 (passed by value to some of its methods) */
typedef struct COR_TYPEID {
	UINT64 token1;
	UINT64 token2;
} COR_TYPEID;

typedef struct COR_HEAPINFO {
	BOOL areGCStructuresValid;
	DWORD pointerSize;
	DWORD numHeaps;
	BOOL concurrent;
	CorDebugGCType gcType;
} COR_HEAPINFO;

typedef struct COR_ARRAY_LAYOUT {
	COR_TYPEID componentID;
	CorElementType componentType;
	ULONG32 firstElementOffset;
	ULONG32 elementSize;
	ULONG32 countOffset;
	ULONG32 rankSize;
	ULONG32 numRanks;
	ULONG32 rankOffset;
} COR_ARRAY_LAYOUT;

typedef struct COR_TYPE_LAYOUT {
	COR_TYPEID parentID;
	ULONG32 objectSize;
	ULONG32 numFields;
	ULONG32 boxOffset;
	CorElementType type;
} COR_TYPE_LAYOUT;

typedef struct COR_FIELD {
	mdFieldDef token;
	ULONG32 offset;
	COR_TYPEID id;
	CorElementType fieldType;
} COR_FIELD;

/* ICorDebugCode2::GetCodeChunks */
typedef struct CodeChunkInfo {
	CORDB_ADDRESS startAddr;
	ULONG32 length;
} CodeChunkInfo;

/* metahost.idl: versions for OpenVirtualProcess */
typedef struct CLR_DEBUGGING_VERSION {
	uint16_t wStructVersion;
	uint16_t wMajor;
	uint16_t wMinor;
	uint16_t wBuild;
	uint16_t wRevision;
} CLR_DEBUGGING_VERSION;

/* ---- interfaces ---- */

/* Every interface (declared below, or only passed along: opaque). */
typedef struct IUnknown IUnknown;
typedef struct ICorDebugDataTarget ICorDebugDataTarget;
typedef struct ICorDebugMutableDataTarget ICorDebugMutableDataTarget;
typedef struct ICorDebugDataTarget4 ICorDebugDataTarget4;
typedef struct ICorDebugManagedCallback ICorDebugManagedCallback;
typedef struct ICorDebugManagedCallback3 ICorDebugManagedCallback3;
typedef struct ICorDebugManagedCallback4 ICorDebugManagedCallback4;
typedef struct ICorDebugManagedCallback2 ICorDebugManagedCallback2;
typedef struct ICorDebugUnmanagedCallback ICorDebugUnmanagedCallback;
typedef struct ICorDebug ICorDebug;
typedef struct ICorDebugController ICorDebugController;
typedef struct ICorDebugAppDomain ICorDebugAppDomain;
typedef struct ICorDebugAppDomain2 ICorDebugAppDomain2;
typedef struct ICorDebugAssembly ICorDebugAssembly;
typedef struct ICorDebugProcess ICorDebugProcess;
typedef struct ICorDebugProcess2 ICorDebugProcess2;
typedef struct ICorDebugProcess3 ICorDebugProcess3;
typedef struct ICorDebugProcess5 ICorDebugProcess5;
typedef struct ICorDebugProcess8 ICorDebugProcess8;
typedef struct ICorDebugBreakpoint ICorDebugBreakpoint;
typedef struct ICorDebugFunctionBreakpoint ICorDebugFunctionBreakpoint;
typedef struct ICorDebugModuleBreakpoint ICorDebugModuleBreakpoint;
typedef struct ICorDebugValueBreakpoint ICorDebugValueBreakpoint;
typedef struct ICorDebugStepper ICorDebugStepper;
typedef struct ICorDebugStepper2 ICorDebugStepper2;
typedef struct ICorDebugRegisterSet ICorDebugRegisterSet;
typedef struct ICorDebugThread ICorDebugThread;
typedef struct ICorDebugThread2 ICorDebugThread2;
typedef struct ICorDebugThread3 ICorDebugThread3;
typedef struct ICorDebugThread4 ICorDebugThread4;
typedef struct ICorDebugStackWalk ICorDebugStackWalk;
typedef struct ICorDebugChain ICorDebugChain;
typedef struct ICorDebugFrame ICorDebugFrame;
typedef struct ICorDebugInternalFrame ICorDebugInternalFrame;
typedef struct ICorDebugInternalFrame2 ICorDebugInternalFrame2;
typedef struct ICorDebugILFrame ICorDebugILFrame;
typedef struct ICorDebugILFrame2 ICorDebugILFrame2;
typedef struct ICorDebugNativeFrame ICorDebugNativeFrame;
typedef struct ICorDebugNativeFrame2 ICorDebugNativeFrame2;
typedef struct ICorDebugRuntimeUnwindableFrame ICorDebugRuntimeUnwindableFrame;
typedef struct ICorDebugModule ICorDebugModule;
typedef struct ICorDebugModule2 ICorDebugModule2;
typedef struct ICorDebugFunction ICorDebugFunction;
typedef struct ICorDebugFunction2 ICorDebugFunction2;
typedef struct ICorDebugCode ICorDebugCode;
typedef struct ICorDebugCode2 ICorDebugCode2;
typedef struct ICorDebugClass ICorDebugClass;
typedef struct ICorDebugClass2 ICorDebugClass2;
typedef struct ICorDebugEval ICorDebugEval;
typedef struct ICorDebugEval2 ICorDebugEval2;
typedef struct ICorDebugValue ICorDebugValue;
typedef struct ICorDebugValue2 ICorDebugValue2;
typedef struct ICorDebugValue3 ICorDebugValue3;
typedef struct ICorDebugGenericValue ICorDebugGenericValue;
typedef struct ICorDebugReferenceValue ICorDebugReferenceValue;
typedef struct ICorDebugHeapValue ICorDebugHeapValue;
typedef struct ICorDebugHeapValue2 ICorDebugHeapValue2;
typedef struct ICorDebugObjectValue ICorDebugObjectValue;
typedef struct ICorDebugObjectValue2 ICorDebugObjectValue2;
typedef struct ICorDebugBoxValue ICorDebugBoxValue;
typedef struct ICorDebugStringValue ICorDebugStringValue;
typedef struct ICorDebugArrayValue ICorDebugArrayValue;
typedef struct ICorDebugHandleValue ICorDebugHandleValue;
typedef struct ICorDebugType ICorDebugType;
typedef struct ICorDebugType2 ICorDebugType2;
typedef struct ICorDebugEnum ICorDebugEnum;
typedef struct ICorDebugObjectEnum ICorDebugObjectEnum;
typedef struct ICorDebugBreakpointEnum ICorDebugBreakpointEnum;
typedef struct ICorDebugStepperEnum ICorDebugStepperEnum;
typedef struct ICorDebugProcessEnum ICorDebugProcessEnum;
typedef struct ICorDebugThreadEnum ICorDebugThreadEnum;
typedef struct ICorDebugFrameEnum ICorDebugFrameEnum;
typedef struct ICorDebugChainEnum ICorDebugChainEnum;
typedef struct ICorDebugModuleEnum ICorDebugModuleEnum;
typedef struct ICorDebugValueEnum ICorDebugValueEnum;
typedef struct ICorDebugCodeEnum ICorDebugCodeEnum;
typedef struct ICorDebugTypeEnum ICorDebugTypeEnum;
typedef struct ICorDebugErrorInfoEnum ICorDebugErrorInfoEnum;
typedef struct ICorDebugAppDomainEnum ICorDebugAppDomainEnum;
typedef struct ICorDebugAssemblyEnum ICorDebugAssemblyEnum;
typedef struct ICorDebugMDA ICorDebugMDA;
/* only passed along: opaque (no vtable declared here) */
typedef struct ICorDebugContext ICorDebugContext;
typedef struct ICorDebugEditAndContinueSnapshot ICorDebugEditAndContinueSnapshot;
typedef struct ICorDebugEditAndContinueErrorInfo ICorDebugEditAndContinueErrorInfo;
typedef struct ICorDebugHeapEnum ICorDebugHeapEnum;
typedef struct ICorDebugHeapSegmentEnum ICorDebugHeapSegmentEnum;
typedef struct ICorDebugGCReferenceEnum ICorDebugGCReferenceEnum;
typedef struct ICorDebugBlockingObjectEnum ICorDebugBlockingObjectEnum;
typedef struct ICorDebugRemoteTarget ICorDebugRemoteTarget;
typedef struct IStream IStream;

/* ICorDebugThread2::GetActiveFunctions */
typedef struct COR_ACTIVE_FUNCTION {
	ICorDebugAppDomain *pAppDomain;
	ICorDebugModule *pModule;
	ICorDebugFunction2 *pFunction;
	ULONG32 ilOffset;
	ULONG32 flags; /* reserved */
} COR_ACTIVE_FUNCTION;

/* Layouts as the runtime (LP64, natural alignment) sees them. */
_Static_assert(sizeof(GUID) == 16, "GUID is 16 bytes");
_Static_assert(sizeof(CorElementType) == 4 && sizeof(CorDebugRegister) == 4 &&
		   sizeof(CorDebugThreadState) == 4 && sizeof(CorDebugStepReason) == 4 &&
		   sizeof(CorDebugMappingResult) == 4 && sizeof(CorGCReferenceType) == 4 &&
		   sizeof(CorDebugInterfaceVersion) == 4 && sizeof(CorDebugPlatform) == 4,
	       "enums are 32-bit ints");
_Static_assert(sizeof(COR_IL_MAP) == 12 && offsetof(COR_IL_MAP, fAccurate) == 8, "COR_IL_MAP");
_Static_assert(sizeof(COR_DEBUG_IL_TO_NATIVE_MAP) == 12 &&
		   offsetof(COR_DEBUG_IL_TO_NATIVE_MAP, nativeStartOffset) == 4 &&
		   offsetof(COR_DEBUG_IL_TO_NATIVE_MAP, nativeEndOffset) == 8,
	       "COR_DEBUG_IL_TO_NATIVE_MAP");
_Static_assert(sizeof(COR_DEBUG_STEP_RANGE) == 8 && offsetof(COR_DEBUG_STEP_RANGE, endOffset) == 4,
	       "COR_DEBUG_STEP_RANGE");
_Static_assert(sizeof(COR_VERSION) == 16, "COR_VERSION");
_Static_assert(sizeof(COR_TYPEID) == 16, "COR_TYPEID");
_Static_assert(sizeof(COR_HEAPINFO) == 20 && offsetof(COR_HEAPINFO, gcType) == 16, "COR_HEAPINFO");
_Static_assert(sizeof(COR_ARRAY_LAYOUT) == 48 && offsetof(COR_ARRAY_LAYOUT, componentType) == 16 &&
		   offsetof(COR_ARRAY_LAYOUT, firstElementOffset) == 20 &&
		   offsetof(COR_ARRAY_LAYOUT, rankOffset) == 40,
	       "COR_ARRAY_LAYOUT");
_Static_assert(sizeof(COR_TYPE_LAYOUT) == 32 && offsetof(COR_TYPE_LAYOUT, objectSize) == 16 &&
		   offsetof(COR_TYPE_LAYOUT, type) == 28,
	       "COR_TYPE_LAYOUT");
_Static_assert(sizeof(COR_FIELD) == 32 && offsetof(COR_FIELD, offset) == 4 &&
		   offsetof(COR_FIELD, id) == 8 && offsetof(COR_FIELD, fieldType) == 24,
	       "COR_FIELD");
_Static_assert(sizeof(COR_ACTIVE_FUNCTION) == 32 && offsetof(COR_ACTIVE_FUNCTION, ilOffset) == 24 &&
		   offsetof(COR_ACTIVE_FUNCTION, flags) == 28,
	       "COR_ACTIVE_FUNCTION");
_Static_assert(sizeof(CodeChunkInfo) == 16 && offsetof(CodeChunkInfo, length) == 8,
	       "CodeChunkInfo");
_Static_assert(sizeof(CLR_DEBUGGING_VERSION) == 10 &&
		   offsetof(CLR_DEBUGGING_VERSION, wRevision) == 8,
	       "CLR_DEBUGGING_VERSION");

/* Calls a method: COM(thread, GetID, &tid) is thread->lpVtbl->GetID(thread, &tid). (The ## that
 * drops the comma when there are no arguments is a GNU extension gcc and clang accept in C17.) */
#define COM(obj, method, ...) ((obj)->lpVtbl->method((obj), ##__VA_ARGS__))
/* Releases p (an lvalue) if non-NULL and sets it to NULL. */
#define COM_RELEASE(p)                                                                             \
	do {                                                                                       \
		if (p) {                                                                           \
			(p)->lpVtbl->Release(p);                                                   \
			(p) = NULL;                                                                \
		}                                                                                  \
	} while (0)

/* The vtables: one member per method, wrapped by hand (clang-format 14 splits
 * function-pointer members oddly and not idempotently). */
/* clang-format off */
/* IUnknown (3 slots) */
struct IUnknownVtbl {
	HRESULT (*QueryInterface)(IUnknown *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(IUnknown *self);
	ULONG (*Release)(IUnknown *self);
};
struct IUnknown {
	const struct IUnknownVtbl *lpVtbl;
};
_Static_assert(sizeof(struct IUnknownVtbl) == 3 * sizeof(void *), "IUnknown: 3 slots");
extern const IID IID_IUnknown;

/* ICorDebugDataTarget : IUnknown (6 slots) */
struct ICorDebugDataTargetVtbl {
	HRESULT (*QueryInterface)(ICorDebugDataTarget *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugDataTarget *self);
	ULONG (*Release)(ICorDebugDataTarget *self);
	/* ICorDebugDataTarget */
	HRESULT (*GetPlatform)(ICorDebugDataTarget *self, CorDebugPlatform *pTargetPlatform);
	HRESULT (*ReadVirtual)(ICorDebugDataTarget *self, CORDB_ADDRESS address, BYTE *pBuffer,
			       ULONG32 bytesRequested, ULONG32 *pBytesRead);
	HRESULT (*GetThreadContext)(ICorDebugDataTarget *self, DWORD dwThreadID,
				    ULONG32 contextFlags, ULONG32 contextSize, BYTE *pContext);
};
struct ICorDebugDataTarget {
	const struct ICorDebugDataTargetVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugDataTargetVtbl) == 6 * sizeof(void *),
	       "ICorDebugDataTarget: 6 slots");
extern const IID IID_ICorDebugDataTarget;

/* ICorDebugMutableDataTarget : ICorDebugDataTarget : IUnknown (9 slots) */
struct ICorDebugMutableDataTargetVtbl {
	HRESULT (*QueryInterface)(ICorDebugMutableDataTarget *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugMutableDataTarget *self);
	ULONG (*Release)(ICorDebugMutableDataTarget *self);
	/* ICorDebugDataTarget */
	HRESULT (*GetPlatform)(ICorDebugMutableDataTarget *self, CorDebugPlatform *pTargetPlatform);
	HRESULT (*ReadVirtual)(ICorDebugMutableDataTarget *self, CORDB_ADDRESS address,
			       BYTE *pBuffer, ULONG32 bytesRequested, ULONG32 *pBytesRead);
	HRESULT (*GetThreadContext)(ICorDebugMutableDataTarget *self, DWORD dwThreadID,
				    ULONG32 contextFlags, ULONG32 contextSize, BYTE *pContext);
	/* ICorDebugMutableDataTarget */
	HRESULT (*WriteVirtual)(ICorDebugMutableDataTarget *self, CORDB_ADDRESS address,
				const BYTE *pBuffer, ULONG32 bytesRequested);
	HRESULT (*SetThreadContext)(ICorDebugMutableDataTarget *self, DWORD dwThreadID,
				    ULONG32 contextSize, const BYTE *pContext);
	HRESULT (*ContinueStatusChanged)(ICorDebugMutableDataTarget *self, DWORD dwThreadId,
					 CORDB_CONTINUE_STATUS continueStatus);
};
struct ICorDebugMutableDataTarget {
	const struct ICorDebugMutableDataTargetVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugMutableDataTargetVtbl) == 9 * sizeof(void *),
	       "ICorDebugMutableDataTarget: 9 slots");
extern const IID IID_ICorDebugMutableDataTarget;

/* ICorDebugDataTarget4 : IUnknown (4 slots) */
struct ICorDebugDataTarget4Vtbl {
	HRESULT (*QueryInterface)(ICorDebugDataTarget4 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugDataTarget4 *self);
	ULONG (*Release)(ICorDebugDataTarget4 *self);
	/* ICorDebugDataTarget4 */
	HRESULT (*VirtualUnwind)(ICorDebugDataTarget4 *self, DWORD threadId, ULONG32 contextSize,
				 BYTE *context);
};
struct ICorDebugDataTarget4 {
	const struct ICorDebugDataTarget4Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugDataTarget4Vtbl) == 4 * sizeof(void *),
	       "ICorDebugDataTarget4: 4 slots");
extern const IID IID_ICorDebugDataTarget4;

/* ICorDebugManagedCallback : IUnknown (29 slots) */
struct ICorDebugManagedCallbackVtbl {
	HRESULT (*QueryInterface)(ICorDebugManagedCallback *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugManagedCallback *self);
	ULONG (*Release)(ICorDebugManagedCallback *self);
	/* ICorDebugManagedCallback */
	HRESULT (*Breakpoint)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			      ICorDebugThread *pThread, ICorDebugBreakpoint *pBreakpoint);
	HRESULT (*StepComplete)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				ICorDebugThread *pThread, ICorDebugStepper *pStepper,
				CorDebugStepReason reason);
	HRESULT (*Break)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			 ICorDebugThread *thread);
	HRESULT (*Exception)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			     ICorDebugThread *pThread, BOOL unhandled);
	HRESULT (*EvalComplete)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				ICorDebugThread *pThread, ICorDebugEval *pEval);
	HRESULT (*EvalException)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				 ICorDebugThread *pThread, ICorDebugEval *pEval);
	HRESULT (*CreateProcess)(ICorDebugManagedCallback *self, ICorDebugProcess *pProcess);
	HRESULT (*ExitProcess)(ICorDebugManagedCallback *self, ICorDebugProcess *pProcess);
	HRESULT (*CreateThread)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				ICorDebugThread *thread);
	HRESULT (*ExitThread)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			      ICorDebugThread *thread);
	HRESULT (*LoadModule)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			      ICorDebugModule *pModule);
	HRESULT (*UnloadModule)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				ICorDebugModule *pModule);
	HRESULT (*LoadClass)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			     ICorDebugClass *c);
	HRESULT (*UnloadClass)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			       ICorDebugClass *c);
	HRESULT (*DebuggerError)(ICorDebugManagedCallback *self, ICorDebugProcess *pProcess,
				 HRESULT errorHR, DWORD errorCode);
	HRESULT (*LogMessage)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			      ICorDebugThread *pThread, LONG lLevel, WCHAR *pLogSwitchName,
			      WCHAR *pMessage);
	HRESULT (*LogSwitch)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			     ICorDebugThread *pThread, LONG lLevel, ULONG ulReason,
			     WCHAR *pLogSwitchName, WCHAR *pParentName);
	HRESULT (*CreateAppDomain)(ICorDebugManagedCallback *self, ICorDebugProcess *pProcess,
				   ICorDebugAppDomain *pAppDomain);
	HRESULT (*ExitAppDomain)(ICorDebugManagedCallback *self, ICorDebugProcess *pProcess,
				 ICorDebugAppDomain *pAppDomain);
	HRESULT (*LoadAssembly)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				ICorDebugAssembly *pAssembly);
	HRESULT (*UnloadAssembly)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
				  ICorDebugAssembly *pAssembly);
	HRESULT (*ControlCTrap)(ICorDebugManagedCallback *self, ICorDebugProcess *pProcess);
	HRESULT (*NameChange)(ICorDebugManagedCallback *self, ICorDebugAppDomain *pAppDomain,
			      ICorDebugThread *pThread);
	HRESULT (*UpdateModuleSymbols)(ICorDebugManagedCallback *self,
				       ICorDebugAppDomain *pAppDomain, ICorDebugModule *pModule,
				       IStream *pSymbolStream);
	HRESULT (*EditAndContinueRemap)(ICorDebugManagedCallback *self,
					ICorDebugAppDomain *pAppDomain, ICorDebugThread *pThread,
					ICorDebugFunction *pFunction, BOOL fAccurate);
	HRESULT (*BreakpointSetError)(ICorDebugManagedCallback *self,
				      ICorDebugAppDomain *pAppDomain, ICorDebugThread *pThread,
				      ICorDebugBreakpoint *pBreakpoint, DWORD dwError);
};
struct ICorDebugManagedCallback {
	const struct ICorDebugManagedCallbackVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugManagedCallbackVtbl) == 29 * sizeof(void *),
	       "ICorDebugManagedCallback: 29 slots");
extern const IID IID_ICorDebugManagedCallback;

/* ICorDebugManagedCallback3 : IUnknown (4 slots) */
struct ICorDebugManagedCallback3Vtbl {
	HRESULT (*QueryInterface)(ICorDebugManagedCallback3 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugManagedCallback3 *self);
	ULONG (*Release)(ICorDebugManagedCallback3 *self);
	/* ICorDebugManagedCallback3 */
	HRESULT (*CustomNotification)(ICorDebugManagedCallback3 *self, ICorDebugThread *pThread,
				      ICorDebugAppDomain *pAppDomain);
};
struct ICorDebugManagedCallback3 {
	const struct ICorDebugManagedCallback3Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugManagedCallback3Vtbl) == 4 * sizeof(void *),
	       "ICorDebugManagedCallback3: 4 slots");
extern const IID IID_ICorDebugManagedCallback3;

/* ICorDebugManagedCallback4 : IUnknown (6 slots) */
struct ICorDebugManagedCallback4Vtbl {
	HRESULT (*QueryInterface)(ICorDebugManagedCallback4 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugManagedCallback4 *self);
	ULONG (*Release)(ICorDebugManagedCallback4 *self);
	/* ICorDebugManagedCallback4 */
	HRESULT (*BeforeGarbageCollection)(ICorDebugManagedCallback4 *self,
					   ICorDebugProcess *pProcess);
	HRESULT (*AfterGarbageCollection)(ICorDebugManagedCallback4 *self,
					  ICorDebugProcess *pProcess);
	HRESULT (*DataBreakpoint)(ICorDebugManagedCallback4 *self, ICorDebugProcess *pProcess,
				  ICorDebugThread *pThread, BYTE *pContext, ULONG32 contextSize);
};
struct ICorDebugManagedCallback4 {
	const struct ICorDebugManagedCallback4Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugManagedCallback4Vtbl) == 6 * sizeof(void *),
	       "ICorDebugManagedCallback4: 6 slots");
extern const IID IID_ICorDebugManagedCallback4;

/* ICorDebugManagedCallback2 : IUnknown (11 slots) */
struct ICorDebugManagedCallback2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugManagedCallback2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugManagedCallback2 *self);
	ULONG (*Release)(ICorDebugManagedCallback2 *self);
	/* ICorDebugManagedCallback2 */
	HRESULT (*FunctionRemapOpportunity)(ICorDebugManagedCallback2 *self,
					    ICorDebugAppDomain *pAppDomain,
					    ICorDebugThread *pThread,
					    ICorDebugFunction *pOldFunction,
					    ICorDebugFunction *pNewFunction, ULONG32 oldILOffset);
	HRESULT (*CreateConnection)(ICorDebugManagedCallback2 *self, ICorDebugProcess *pProcess,
				    CONNID dwConnectionId, WCHAR *pConnName);
	HRESULT (*ChangeConnection)(ICorDebugManagedCallback2 *self, ICorDebugProcess *pProcess,
				    CONNID dwConnectionId);
	HRESULT (*DestroyConnection)(ICorDebugManagedCallback2 *self, ICorDebugProcess *pProcess,
				     CONNID dwConnectionId);
	HRESULT (*Exception)(ICorDebugManagedCallback2 *self, ICorDebugAppDomain *pAppDomain,
			     ICorDebugThread *pThread, ICorDebugFrame *pFrame, ULONG32 nOffset,
			     CorDebugExceptionCallbackType dwEventType, DWORD dwFlags);
	HRESULT (*ExceptionUnwind)(ICorDebugManagedCallback2 *self, ICorDebugAppDomain *pAppDomain,
				   ICorDebugThread *pThread,
				   CorDebugExceptionUnwindCallbackType dwEventType, DWORD dwFlags);
	HRESULT (*FunctionRemapComplete)(ICorDebugManagedCallback2 *self,
					 ICorDebugAppDomain *pAppDomain, ICorDebugThread *pThread,
					 ICorDebugFunction *pFunction);
	HRESULT (*MDANotification)(ICorDebugManagedCallback2 *self,
				   ICorDebugController *pController, ICorDebugThread *pThread,
				   ICorDebugMDA *pMDA);
};
struct ICorDebugManagedCallback2 {
	const struct ICorDebugManagedCallback2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugManagedCallback2Vtbl) == 11 * sizeof(void *),
	       "ICorDebugManagedCallback2: 11 slots");
extern const IID IID_ICorDebugManagedCallback2;

/* ICorDebugUnmanagedCallback : IUnknown (4 slots) */
struct ICorDebugUnmanagedCallbackVtbl {
	HRESULT (*QueryInterface)(ICorDebugUnmanagedCallback *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugUnmanagedCallback *self);
	ULONG (*Release)(ICorDebugUnmanagedCallback *self);
	/* ICorDebugUnmanagedCallback */
	HRESULT (*DebugEvent)(ICorDebugUnmanagedCallback *self, LPDEBUG_EVENT pDebugEvent,
			      BOOL fOutOfBand);
};
struct ICorDebugUnmanagedCallback {
	const struct ICorDebugUnmanagedCallbackVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugUnmanagedCallbackVtbl) == 4 * sizeof(void *),
	       "ICorDebugUnmanagedCallback: 4 slots");
extern const IID IID_ICorDebugUnmanagedCallback;

/* ICorDebug : IUnknown (12 slots) */
struct ICorDebugVtbl {
	HRESULT (*QueryInterface)(ICorDebug *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebug *self);
	ULONG (*Release)(ICorDebug *self);
	/* ICorDebug */
	HRESULT (*Initialize)(ICorDebug *self);
	HRESULT (*Terminate)(ICorDebug *self);
	HRESULT (*SetManagedHandler)(ICorDebug *self, ICorDebugManagedCallback *pCallback);
	HRESULT (*SetUnmanagedHandler)(ICorDebug *self, ICorDebugUnmanagedCallback *pCallback);
	HRESULT (*CreateProcess)(ICorDebug *self, LPCWSTR lpApplicationName, LPWSTR lpCommandLine,
				 LPSECURITY_ATTRIBUTES lpProcessAttributes,
				 LPSECURITY_ATTRIBUTES lpThreadAttributes, BOOL bInheritHandles,
				 DWORD dwCreationFlags, PVOID lpEnvironment,
				 LPCWSTR lpCurrentDirectory, LPSTARTUPINFOW lpStartupInfo,
				 LPPROCESS_INFORMATION lpProcessInformation,
				 CorDebugCreateProcessFlags debuggingFlags,
				 ICorDebugProcess **ppProcess);
	HRESULT (*DebugActiveProcess)(ICorDebug *self, DWORD id, BOOL win32Attach,
				      ICorDebugProcess **ppProcess);
	HRESULT (*EnumerateProcesses)(ICorDebug *self, ICorDebugProcessEnum **ppProcess);
	HRESULT (*GetProcess)(ICorDebug *self, DWORD dwProcessId, ICorDebugProcess **ppProcess);
	HRESULT (*CanLaunchOrAttach)(ICorDebug *self, DWORD dwProcessId,
				     BOOL win32DebuggingEnabled);
};
struct ICorDebug {
	const struct ICorDebugVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugVtbl) == 12 * sizeof(void *), "ICorDebug: 12 slots");
extern const IID IID_ICorDebug;

/* ICorDebugController : IUnknown (13 slots) */
struct ICorDebugControllerVtbl {
	HRESULT (*QueryInterface)(ICorDebugController *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugController *self);
	ULONG (*Release)(ICorDebugController *self);
	/* ICorDebugController */
	HRESULT (*Stop)(ICorDebugController *self, DWORD dwTimeoutIgnored);
	HRESULT (*Continue)(ICorDebugController *self, BOOL fIsOutOfBand);
	HRESULT (*IsRunning)(ICorDebugController *self, BOOL *pbRunning);
	HRESULT (*HasQueuedCallbacks)(ICorDebugController *self, ICorDebugThread *pThread,
				      BOOL *pbQueued);
	HRESULT (*EnumerateThreads)(ICorDebugController *self, ICorDebugThreadEnum **ppThreads);
	HRESULT (*SetAllThreadsDebugState)(ICorDebugController *self, CorDebugThreadState state,
					   ICorDebugThread *pExceptThisThread);
	HRESULT (*Detach)(ICorDebugController *self);
	HRESULT (*Terminate)(ICorDebugController *self, UINT exitCode);
	HRESULT (*CanCommitChanges)(ICorDebugController *self, ULONG cSnapshots,
				    ICorDebugEditAndContinueSnapshot *pSnapshots[],
				    ICorDebugErrorInfoEnum **pError);
	HRESULT (*CommitChanges)(ICorDebugController *self, ULONG cSnapshots,
				 ICorDebugEditAndContinueSnapshot *pSnapshots[],
				 ICorDebugErrorInfoEnum **pError);
};
struct ICorDebugController {
	const struct ICorDebugControllerVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugControllerVtbl) == 13 * sizeof(void *),
	       "ICorDebugController: 13 slots");
extern const IID IID_ICorDebugController;

/* ICorDebugAppDomain : ICorDebugController : IUnknown (23 slots) */
struct ICorDebugAppDomainVtbl {
	HRESULT (*QueryInterface)(ICorDebugAppDomain *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugAppDomain *self);
	ULONG (*Release)(ICorDebugAppDomain *self);
	/* ICorDebugController */
	HRESULT (*Stop)(ICorDebugAppDomain *self, DWORD dwTimeoutIgnored);
	HRESULT (*Continue)(ICorDebugAppDomain *self, BOOL fIsOutOfBand);
	HRESULT (*IsRunning)(ICorDebugAppDomain *self, BOOL *pbRunning);
	HRESULT (*HasQueuedCallbacks)(ICorDebugAppDomain *self, ICorDebugThread *pThread,
				      BOOL *pbQueued);
	HRESULT (*EnumerateThreads)(ICorDebugAppDomain *self, ICorDebugThreadEnum **ppThreads);
	HRESULT (*SetAllThreadsDebugState)(ICorDebugAppDomain *self, CorDebugThreadState state,
					   ICorDebugThread *pExceptThisThread);
	HRESULT (*Detach)(ICorDebugAppDomain *self);
	HRESULT (*Terminate)(ICorDebugAppDomain *self, UINT exitCode);
	HRESULT (*CanCommitChanges)(ICorDebugAppDomain *self, ULONG cSnapshots,
				    ICorDebugEditAndContinueSnapshot *pSnapshots[],
				    ICorDebugErrorInfoEnum **pError);
	HRESULT (*CommitChanges)(ICorDebugAppDomain *self, ULONG cSnapshots,
				 ICorDebugEditAndContinueSnapshot *pSnapshots[],
				 ICorDebugErrorInfoEnum **pError);
	/* ICorDebugAppDomain */
	HRESULT (*GetProcess)(ICorDebugAppDomain *self, ICorDebugProcess **ppProcess);
	HRESULT (*EnumerateAssemblies)(ICorDebugAppDomain *self,
				       ICorDebugAssemblyEnum **ppAssemblies);
	HRESULT (*GetModuleFromMetaDataInterface)(ICorDebugAppDomain *self, IUnknown *pIMetaData,
						  ICorDebugModule **ppModule);
	HRESULT (*EnumerateBreakpoints)(ICorDebugAppDomain *self,
					ICorDebugBreakpointEnum **ppBreakpoints);
	HRESULT (*EnumerateSteppers)(ICorDebugAppDomain *self, ICorDebugStepperEnum **ppSteppers);
	HRESULT (*IsAttached)(ICorDebugAppDomain *self, BOOL *pbAttached);
	HRESULT (*GetName)(ICorDebugAppDomain *self, ULONG32 cchName, ULONG32 *pcchName,
			   WCHAR szName[]);
	HRESULT (*GetObject)(ICorDebugAppDomain *self, ICorDebugValue **ppObject);
	HRESULT (*Attach)(ICorDebugAppDomain *self);
	HRESULT (*GetID)(ICorDebugAppDomain *self, ULONG32 *pId);
};
struct ICorDebugAppDomain {
	const struct ICorDebugAppDomainVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugAppDomainVtbl) == 23 * sizeof(void *),
	       "ICorDebugAppDomain: 23 slots");
extern const IID IID_ICorDebugAppDomain;

/* ICorDebugAppDomain2 : IUnknown (5 slots) */
struct ICorDebugAppDomain2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugAppDomain2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugAppDomain2 *self);
	ULONG (*Release)(ICorDebugAppDomain2 *self);
	/* ICorDebugAppDomain2 */
	HRESULT (*GetArrayOrPointerType)(ICorDebugAppDomain2 *self, CorElementType elementType,
					 ULONG32 nRank, ICorDebugType *pTypeArg,
					 ICorDebugType **ppType);
	HRESULT (*GetFunctionPointerType)(ICorDebugAppDomain2 *self, ULONG32 nTypeArgs,
					  ICorDebugType *ppTypeArgs[], ICorDebugType **ppType);
};
struct ICorDebugAppDomain2 {
	const struct ICorDebugAppDomain2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugAppDomain2Vtbl) == 5 * sizeof(void *),
	       "ICorDebugAppDomain2: 5 slots");
extern const IID IID_ICorDebugAppDomain2;

/* ICorDebugAssembly : IUnknown (8 slots) */
struct ICorDebugAssemblyVtbl {
	HRESULT (*QueryInterface)(ICorDebugAssembly *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugAssembly *self);
	ULONG (*Release)(ICorDebugAssembly *self);
	/* ICorDebugAssembly */
	HRESULT (*GetProcess)(ICorDebugAssembly *self, ICorDebugProcess **ppProcess);
	HRESULT (*GetAppDomain)(ICorDebugAssembly *self, ICorDebugAppDomain **ppAppDomain);
	HRESULT (*EnumerateModules)(ICorDebugAssembly *self, ICorDebugModuleEnum **ppModules);
	HRESULT (*GetCodeBase)(ICorDebugAssembly *self, ULONG32 cchName, ULONG32 *pcchName,
			       WCHAR szName[]);
	HRESULT (*GetName)(ICorDebugAssembly *self, ULONG32 cchName, ULONG32 *pcchName,
			   WCHAR szName[]);
};
struct ICorDebugAssembly {
	const struct ICorDebugAssemblyVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugAssemblyVtbl) == 8 * sizeof(void *),
	       "ICorDebugAssembly: 8 slots");
extern const IID IID_ICorDebugAssembly;

/* ICorDebugProcess : ICorDebugController : IUnknown (30 slots) */
struct ICorDebugProcessVtbl {
	HRESULT (*QueryInterface)(ICorDebugProcess *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugProcess *self);
	ULONG (*Release)(ICorDebugProcess *self);
	/* ICorDebugController */
	HRESULT (*Stop)(ICorDebugProcess *self, DWORD dwTimeoutIgnored);
	HRESULT (*Continue)(ICorDebugProcess *self, BOOL fIsOutOfBand);
	HRESULT (*IsRunning)(ICorDebugProcess *self, BOOL *pbRunning);
	HRESULT (*HasQueuedCallbacks)(ICorDebugProcess *self, ICorDebugThread *pThread,
				      BOOL *pbQueued);
	HRESULT (*EnumerateThreads)(ICorDebugProcess *self, ICorDebugThreadEnum **ppThreads);
	HRESULT (*SetAllThreadsDebugState)(ICorDebugProcess *self, CorDebugThreadState state,
					   ICorDebugThread *pExceptThisThread);
	HRESULT (*Detach)(ICorDebugProcess *self);
	HRESULT (*Terminate)(ICorDebugProcess *self, UINT exitCode);
	HRESULT (*CanCommitChanges)(ICorDebugProcess *self, ULONG cSnapshots,
				    ICorDebugEditAndContinueSnapshot *pSnapshots[],
				    ICorDebugErrorInfoEnum **pError);
	HRESULT (*CommitChanges)(ICorDebugProcess *self, ULONG cSnapshots,
				 ICorDebugEditAndContinueSnapshot *pSnapshots[],
				 ICorDebugErrorInfoEnum **pError);
	/* ICorDebugProcess */
	HRESULT (*GetID)(ICorDebugProcess *self, DWORD *pdwProcessId);
	HRESULT (*GetHandle)(ICorDebugProcess *self, HPROCESS *phProcessHandle);
	HRESULT (*GetThread)(ICorDebugProcess *self, DWORD dwThreadId, ICorDebugThread **ppThread);
	HRESULT (*EnumerateObjects)(ICorDebugProcess *self, ICorDebugObjectEnum **ppObjects);
	HRESULT (*IsTransitionStub)(ICorDebugProcess *self, CORDB_ADDRESS address,
				    BOOL *pbTransitionStub);
	HRESULT (*IsOSSuspended)(ICorDebugProcess *self, DWORD threadID, BOOL *pbSuspended);
	HRESULT (*GetThreadContext)(ICorDebugProcess *self, DWORD threadID, ULONG32 contextSize,
				    BYTE context[]);
	HRESULT (*SetThreadContext)(ICorDebugProcess *self, DWORD threadID, ULONG32 contextSize,
				    BYTE context[]);
	HRESULT (*ReadMemory)(ICorDebugProcess *self, CORDB_ADDRESS address, DWORD size,
			      BYTE buffer[], SIZE_T *read);
	HRESULT (*WriteMemory)(ICorDebugProcess *self, CORDB_ADDRESS address, DWORD size,
			       BYTE buffer[], SIZE_T *written);
	HRESULT (*ClearCurrentException)(ICorDebugProcess *self, DWORD threadID);
	HRESULT (*EnableLogMessages)(ICorDebugProcess *self, BOOL fOnOff);
	HRESULT (*ModifyLogSwitch)(ICorDebugProcess *self, WCHAR *pLogSwitchName, LONG lLevel);
	HRESULT (*EnumerateAppDomains)(ICorDebugProcess *self,
				       ICorDebugAppDomainEnum **ppAppDomains);
	HRESULT (*GetObject)(ICorDebugProcess *self, ICorDebugValue **ppObject);
	HRESULT (*ThreadForFiberCookie)(ICorDebugProcess *self, DWORD fiberCookie,
					ICorDebugThread **ppThread);
	HRESULT (*GetHelperThreadID)(ICorDebugProcess *self, DWORD *pThreadID);
};
struct ICorDebugProcess {
	const struct ICorDebugProcessVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugProcessVtbl) == 30 * sizeof(void *),
	       "ICorDebugProcess: 30 slots");
extern const IID IID_ICorDebugProcess;

/* ICorDebugProcess2 : IUnknown (10 slots) */
struct ICorDebugProcess2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugProcess2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugProcess2 *self);
	ULONG (*Release)(ICorDebugProcess2 *self);
	/* ICorDebugProcess2 */
	HRESULT (*GetThreadForTaskID)(ICorDebugProcess2 *self, TASKID taskid,
				      ICorDebugThread2 **ppThread);
	HRESULT (*GetVersion)(ICorDebugProcess2 *self, COR_VERSION *version);
	HRESULT (*SetUnmanagedBreakpoint)(ICorDebugProcess2 *self, CORDB_ADDRESS address,
					  ULONG32 bufsize, BYTE buffer[], ULONG32 *bufLen);
	HRESULT (*ClearUnmanagedBreakpoint)(ICorDebugProcess2 *self, CORDB_ADDRESS address);
	HRESULT (*SetDesiredNGENCompilerFlags)(ICorDebugProcess2 *self, DWORD pdwFlags);
	HRESULT (*GetDesiredNGENCompilerFlags)(ICorDebugProcess2 *self, DWORD *pdwFlags);
	HRESULT (*GetReferenceValueFromGCHandle)(ICorDebugProcess2 *self, UINT_PTR handle,
						 ICorDebugReferenceValue **pOutValue);
};
struct ICorDebugProcess2 {
	const struct ICorDebugProcess2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugProcess2Vtbl) == 10 * sizeof(void *),
	       "ICorDebugProcess2: 10 slots");
extern const IID IID_ICorDebugProcess2;

/* ICorDebugProcess3 : IUnknown (4 slots) */
struct ICorDebugProcess3Vtbl {
	HRESULT (*QueryInterface)(ICorDebugProcess3 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugProcess3 *self);
	ULONG (*Release)(ICorDebugProcess3 *self);
	/* ICorDebugProcess3 */
	HRESULT (*SetEnableCustomNotification)(ICorDebugProcess3 *self, ICorDebugClass *pClass,
					       BOOL fEnable);
};
struct ICorDebugProcess3 {
	const struct ICorDebugProcess3Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugProcess3Vtbl) == 4 * sizeof(void *),
	       "ICorDebugProcess3: 4 slots");
extern const IID IID_ICorDebugProcess3;

/* ICorDebugProcess5 : IUnknown (15 slots) */
struct ICorDebugProcess5Vtbl {
	HRESULT (*QueryInterface)(ICorDebugProcess5 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugProcess5 *self);
	ULONG (*Release)(ICorDebugProcess5 *self);
	/* ICorDebugProcess5 */
	HRESULT (*GetGCHeapInformation)(ICorDebugProcess5 *self, COR_HEAPINFO *pHeapInfo);
	HRESULT (*EnumerateHeap)(ICorDebugProcess5 *self, ICorDebugHeapEnum **ppObjects);
	HRESULT (*EnumerateHeapRegions)(ICorDebugProcess5 *self,
					ICorDebugHeapSegmentEnum **ppRegions);
	HRESULT (*GetObject)(ICorDebugProcess5 *self, CORDB_ADDRESS addr,
			     ICorDebugObjectValue **pObject);
	HRESULT (*EnumerateGCReferences)(ICorDebugProcess5 *self, BOOL enumerateWeakReferences,
					 ICorDebugGCReferenceEnum **ppEnum);
	HRESULT (*EnumerateHandles)(ICorDebugProcess5 *self, CorGCReferenceType types,
				    ICorDebugGCReferenceEnum **ppEnum);
	HRESULT (*GetTypeID)(ICorDebugProcess5 *self, CORDB_ADDRESS obj, COR_TYPEID *pId);
	HRESULT (*GetTypeForTypeID)(ICorDebugProcess5 *self, COR_TYPEID id, ICorDebugType **ppType);
	HRESULT (*GetArrayLayout)(ICorDebugProcess5 *self, COR_TYPEID id,
				  COR_ARRAY_LAYOUT *pLayout);
	HRESULT (*GetTypeLayout)(ICorDebugProcess5 *self, COR_TYPEID id, COR_TYPE_LAYOUT *pLayout);
	HRESULT (*GetTypeFields)(ICorDebugProcess5 *self, COR_TYPEID id, ULONG32 celt,
				 COR_FIELD fields[], ULONG32 *pceltNeeded);
	HRESULT (*EnableNGENPolicy)(ICorDebugProcess5 *self, CorDebugNGENPolicy ePolicy);
};
struct ICorDebugProcess5 {
	const struct ICorDebugProcess5Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugProcess5Vtbl) == 15 * sizeof(void *),
	       "ICorDebugProcess5: 15 slots");
extern const IID IID_ICorDebugProcess5;

/* ICorDebugProcess8 : IUnknown (4 slots) */
struct ICorDebugProcess8Vtbl {
	HRESULT (*QueryInterface)(ICorDebugProcess8 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugProcess8 *self);
	ULONG (*Release)(ICorDebugProcess8 *self);
	/* ICorDebugProcess8 */
	HRESULT (*EnableExceptionCallbacksOutsideOfMyCode)(ICorDebugProcess8 *self,
							   BOOL enableExceptionsOutsideOfJMC);
};
struct ICorDebugProcess8 {
	const struct ICorDebugProcess8Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugProcess8Vtbl) == 4 * sizeof(void *),
	       "ICorDebugProcess8: 4 slots");
extern const IID IID_ICorDebugProcess8;

/* ICorDebugBreakpoint : IUnknown (5 slots) */
struct ICorDebugBreakpointVtbl {
	HRESULT (*QueryInterface)(ICorDebugBreakpoint *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugBreakpoint *self);
	ULONG (*Release)(ICorDebugBreakpoint *self);
	/* ICorDebugBreakpoint */
	HRESULT (*Activate)(ICorDebugBreakpoint *self, BOOL bActive);
	HRESULT (*IsActive)(ICorDebugBreakpoint *self, BOOL *pbActive);
};
struct ICorDebugBreakpoint {
	const struct ICorDebugBreakpointVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugBreakpointVtbl) == 5 * sizeof(void *),
	       "ICorDebugBreakpoint: 5 slots");
extern const IID IID_ICorDebugBreakpoint;

/* ICorDebugFunctionBreakpoint : ICorDebugBreakpoint : IUnknown (7 slots) */
struct ICorDebugFunctionBreakpointVtbl {
	HRESULT (*QueryInterface)(ICorDebugFunctionBreakpoint *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugFunctionBreakpoint *self);
	ULONG (*Release)(ICorDebugFunctionBreakpoint *self);
	/* ICorDebugBreakpoint */
	HRESULT (*Activate)(ICorDebugFunctionBreakpoint *self, BOOL bActive);
	HRESULT (*IsActive)(ICorDebugFunctionBreakpoint *self, BOOL *pbActive);
	/* ICorDebugFunctionBreakpoint */
	HRESULT (*GetFunction)(ICorDebugFunctionBreakpoint *self, ICorDebugFunction **ppFunction);
	HRESULT (*GetOffset)(ICorDebugFunctionBreakpoint *self, ULONG32 *pnOffset);
};
struct ICorDebugFunctionBreakpoint {
	const struct ICorDebugFunctionBreakpointVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugFunctionBreakpointVtbl) == 7 * sizeof(void *),
	       "ICorDebugFunctionBreakpoint: 7 slots");
extern const IID IID_ICorDebugFunctionBreakpoint;

/* ICorDebugModuleBreakpoint : ICorDebugBreakpoint : IUnknown (6 slots) */
struct ICorDebugModuleBreakpointVtbl {
	HRESULT (*QueryInterface)(ICorDebugModuleBreakpoint *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugModuleBreakpoint *self);
	ULONG (*Release)(ICorDebugModuleBreakpoint *self);
	/* ICorDebugBreakpoint */
	HRESULT (*Activate)(ICorDebugModuleBreakpoint *self, BOOL bActive);
	HRESULT (*IsActive)(ICorDebugModuleBreakpoint *self, BOOL *pbActive);
	/* ICorDebugModuleBreakpoint */
	HRESULT (*GetModule)(ICorDebugModuleBreakpoint *self, ICorDebugModule **ppModule);
};
struct ICorDebugModuleBreakpoint {
	const struct ICorDebugModuleBreakpointVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugModuleBreakpointVtbl) == 6 * sizeof(void *),
	       "ICorDebugModuleBreakpoint: 6 slots");
extern const IID IID_ICorDebugModuleBreakpoint;

/* ICorDebugValueBreakpoint : ICorDebugBreakpoint : IUnknown (6 slots) */
struct ICorDebugValueBreakpointVtbl {
	HRESULT (*QueryInterface)(ICorDebugValueBreakpoint *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugValueBreakpoint *self);
	ULONG (*Release)(ICorDebugValueBreakpoint *self);
	/* ICorDebugBreakpoint */
	HRESULT (*Activate)(ICorDebugValueBreakpoint *self, BOOL bActive);
	HRESULT (*IsActive)(ICorDebugValueBreakpoint *self, BOOL *pbActive);
	/* ICorDebugValueBreakpoint */
	HRESULT (*GetValue)(ICorDebugValueBreakpoint *self, ICorDebugValue **ppValue);
};
struct ICorDebugValueBreakpoint {
	const struct ICorDebugValueBreakpointVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugValueBreakpointVtbl) == 6 * sizeof(void *),
	       "ICorDebugValueBreakpoint: 6 slots");
extern const IID IID_ICorDebugValueBreakpoint;

/* ICorDebugStepper : IUnknown (11 slots) */
struct ICorDebugStepperVtbl {
	HRESULT (*QueryInterface)(ICorDebugStepper *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugStepper *self);
	ULONG (*Release)(ICorDebugStepper *self);
	/* ICorDebugStepper */
	HRESULT (*IsActive)(ICorDebugStepper *self, BOOL *pbActive);
	HRESULT (*Deactivate)(ICorDebugStepper *self);
	HRESULT (*SetInterceptMask)(ICorDebugStepper *self, CorDebugIntercept mask);
	HRESULT (*SetUnmappedStopMask)(ICorDebugStepper *self, CorDebugUnmappedStop mask);
	HRESULT (*Step)(ICorDebugStepper *self, BOOL bStepIn);
	HRESULT (*StepRange)(ICorDebugStepper *self, BOOL bStepIn, COR_DEBUG_STEP_RANGE ranges[],
			     ULONG32 cRangeCount);
	HRESULT (*StepOut)(ICorDebugStepper *self);
	HRESULT (*SetRangeIL)(ICorDebugStepper *self, BOOL bIL);
};
struct ICorDebugStepper {
	const struct ICorDebugStepperVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugStepperVtbl) == 11 * sizeof(void *),
	       "ICorDebugStepper: 11 slots");
extern const IID IID_ICorDebugStepper;

/* ICorDebugStepper2 : IUnknown (4 slots) */
struct ICorDebugStepper2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugStepper2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugStepper2 *self);
	ULONG (*Release)(ICorDebugStepper2 *self);
	/* ICorDebugStepper2 */
	HRESULT (*SetJMC)(ICorDebugStepper2 *self, BOOL fIsJMCStepper);
};
struct ICorDebugStepper2 {
	const struct ICorDebugStepper2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugStepper2Vtbl) == 4 * sizeof(void *),
	       "ICorDebugStepper2: 4 slots");
extern const IID IID_ICorDebugStepper2;

/* ICorDebugRegisterSet : IUnknown (8 slots) */
struct ICorDebugRegisterSetVtbl {
	HRESULT (*QueryInterface)(ICorDebugRegisterSet *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugRegisterSet *self);
	ULONG (*Release)(ICorDebugRegisterSet *self);
	/* ICorDebugRegisterSet */
	HRESULT (*GetRegistersAvailable)(ICorDebugRegisterSet *self, ULONG64 *pAvailable);
	HRESULT (*GetRegisters)(ICorDebugRegisterSet *self, ULONG64 mask, ULONG32 regCount,
				CORDB_REGISTER regBuffer[]);
	HRESULT (*SetRegisters)(ICorDebugRegisterSet *self, ULONG64 mask, ULONG32 regCount,
				CORDB_REGISTER regBuffer[]);
	HRESULT (*GetThreadContext)(ICorDebugRegisterSet *self, ULONG32 contextSize,
				    BYTE context[]);
	HRESULT (*SetThreadContext)(ICorDebugRegisterSet *self, ULONG32 contextSize,
				    BYTE context[]);
};
struct ICorDebugRegisterSet {
	const struct ICorDebugRegisterSetVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugRegisterSetVtbl) == 8 * sizeof(void *),
	       "ICorDebugRegisterSet: 8 slots");
extern const IID IID_ICorDebugRegisterSet;

/* ICorDebugThread : IUnknown (19 slots) */
struct ICorDebugThreadVtbl {
	HRESULT (*QueryInterface)(ICorDebugThread *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugThread *self);
	ULONG (*Release)(ICorDebugThread *self);
	/* ICorDebugThread */
	HRESULT (*GetProcess)(ICorDebugThread *self, ICorDebugProcess **ppProcess);
	HRESULT (*GetID)(ICorDebugThread *self, DWORD *pdwThreadId);
	HRESULT (*GetHandle)(ICorDebugThread *self, HTHREAD *phThreadHandle);
	HRESULT (*GetAppDomain)(ICorDebugThread *self, ICorDebugAppDomain **ppAppDomain);
	HRESULT (*SetDebugState)(ICorDebugThread *self, CorDebugThreadState state);
	HRESULT (*GetDebugState)(ICorDebugThread *self, CorDebugThreadState *pState);
	HRESULT (*GetUserState)(ICorDebugThread *self, CorDebugUserState *pState);
	HRESULT (*GetCurrentException)(ICorDebugThread *self, ICorDebugValue **ppExceptionObject);
	HRESULT (*ClearCurrentException)(ICorDebugThread *self);
	HRESULT (*CreateStepper)(ICorDebugThread *self, ICorDebugStepper **ppStepper);
	HRESULT (*EnumerateChains)(ICorDebugThread *self, ICorDebugChainEnum **ppChains);
	HRESULT (*GetActiveChain)(ICorDebugThread *self, ICorDebugChain **ppChain);
	HRESULT (*GetActiveFrame)(ICorDebugThread *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetRegisterSet)(ICorDebugThread *self, ICorDebugRegisterSet **ppRegisters);
	HRESULT (*CreateEval)(ICorDebugThread *self, ICorDebugEval **ppEval);
	HRESULT (*GetObject)(ICorDebugThread *self, ICorDebugValue **ppObject);
};
struct ICorDebugThread {
	const struct ICorDebugThreadVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugThreadVtbl) == 19 * sizeof(void *),
	       "ICorDebugThread: 19 slots");
extern const IID IID_ICorDebugThread;

/* ICorDebugThread2 : IUnknown (8 slots) */
struct ICorDebugThread2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugThread2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugThread2 *self);
	ULONG (*Release)(ICorDebugThread2 *self);
	/* ICorDebugThread2 */
	HRESULT (*GetActiveFunctions)(ICorDebugThread2 *self, ULONG32 cFunctions,
				      ULONG32 *pcFunctions, COR_ACTIVE_FUNCTION pFunctions[]);
	HRESULT (*GetConnectionID)(ICorDebugThread2 *self, CONNID *pdwConnectionId);
	HRESULT (*GetTaskID)(ICorDebugThread2 *self, TASKID *pTaskId);
	HRESULT (*GetVolatileOSThreadID)(ICorDebugThread2 *self, DWORD *pdwTid);
	HRESULT (*InterceptCurrentException)(ICorDebugThread2 *self, ICorDebugFrame *pFrame);
};
struct ICorDebugThread2 {
	const struct ICorDebugThread2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugThread2Vtbl) == 8 * sizeof(void *),
	       "ICorDebugThread2: 8 slots");
extern const IID IID_ICorDebugThread2;

/* ICorDebugThread3 : IUnknown (5 slots) */
struct ICorDebugThread3Vtbl {
	HRESULT (*QueryInterface)(ICorDebugThread3 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugThread3 *self);
	ULONG (*Release)(ICorDebugThread3 *self);
	/* ICorDebugThread3 */
	HRESULT (*CreateStackWalk)(ICorDebugThread3 *self, ICorDebugStackWalk **ppStackWalk);
	HRESULT (*GetActiveInternalFrames)(ICorDebugThread3 *self, ULONG32 cInternalFrames,
					   ULONG32 *pcInternalFrames,
					   ICorDebugInternalFrame2 *ppInternalFrames[]);
};
struct ICorDebugThread3 {
	const struct ICorDebugThread3Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugThread3Vtbl) == 5 * sizeof(void *),
	       "ICorDebugThread3: 5 slots");
extern const IID IID_ICorDebugThread3;

/* ICorDebugThread4 : IUnknown (6 slots) */
struct ICorDebugThread4Vtbl {
	HRESULT (*QueryInterface)(ICorDebugThread4 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugThread4 *self);
	ULONG (*Release)(ICorDebugThread4 *self);
	/* ICorDebugThread4 */
	HRESULT (*HasUnhandledException)(ICorDebugThread4 *self);
	HRESULT (*GetBlockingObjects)(ICorDebugThread4 *self,
				      ICorDebugBlockingObjectEnum **ppBlockingObjectEnum);
	HRESULT (*GetCurrentCustomDebuggerNotification)(ICorDebugThread4 *self,
							ICorDebugValue **ppNotificationObject);
};
struct ICorDebugThread4 {
	const struct ICorDebugThread4Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugThread4Vtbl) == 6 * sizeof(void *),
	       "ICorDebugThread4: 6 slots");
extern const IID IID_ICorDebugThread4;

/* ICorDebugStackWalk : IUnknown (7 slots) */
struct ICorDebugStackWalkVtbl {
	HRESULT (*QueryInterface)(ICorDebugStackWalk *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugStackWalk *self);
	ULONG (*Release)(ICorDebugStackWalk *self);
	/* ICorDebugStackWalk */
	HRESULT (*GetContext)(ICorDebugStackWalk *self, ULONG32 contextFlags,
			      ULONG32 contextBufSize, ULONG32 *contextSize, BYTE contextBuf[]);
	HRESULT (*SetContext)(ICorDebugStackWalk *self, CorDebugSetContextFlag flag,
			      ULONG32 contextSize, BYTE context[]);
	HRESULT (*Next)(ICorDebugStackWalk *self);
	HRESULT (*GetFrame)(ICorDebugStackWalk *self, ICorDebugFrame **pFrame);
};
struct ICorDebugStackWalk {
	const struct ICorDebugStackWalkVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugStackWalkVtbl) == 7 * sizeof(void *),
	       "ICorDebugStackWalk: 7 slots");
extern const IID IID_ICorDebugStackWalk;

/* ICorDebugChain : IUnknown (15 slots) */
struct ICorDebugChainVtbl {
	HRESULT (*QueryInterface)(ICorDebugChain *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugChain *self);
	ULONG (*Release)(ICorDebugChain *self);
	/* ICorDebugChain */
	HRESULT (*GetThread)(ICorDebugChain *self, ICorDebugThread **ppThread);
	HRESULT (*GetStackRange)(ICorDebugChain *self, CORDB_ADDRESS *pStart, CORDB_ADDRESS *pEnd);
	HRESULT (*GetContext)(ICorDebugChain *self, ICorDebugContext **ppContext);
	HRESULT (*GetCaller)(ICorDebugChain *self, ICorDebugChain **ppChain);
	HRESULT (*GetCallee)(ICorDebugChain *self, ICorDebugChain **ppChain);
	HRESULT (*GetPrevious)(ICorDebugChain *self, ICorDebugChain **ppChain);
	HRESULT (*GetNext)(ICorDebugChain *self, ICorDebugChain **ppChain);
	HRESULT (*IsManaged)(ICorDebugChain *self, BOOL *pManaged);
	HRESULT (*EnumerateFrames)(ICorDebugChain *self, ICorDebugFrameEnum **ppFrames);
	HRESULT (*GetActiveFrame)(ICorDebugChain *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetRegisterSet)(ICorDebugChain *self, ICorDebugRegisterSet **ppRegisters);
	HRESULT (*GetReason)(ICorDebugChain *self, CorDebugChainReason *pReason);
};
struct ICorDebugChain {
	const struct ICorDebugChainVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugChainVtbl) == 15 * sizeof(void *),
	       "ICorDebugChain: 15 slots");
extern const IID IID_ICorDebugChain;

/* ICorDebugFrame : IUnknown (11 slots) */
struct ICorDebugFrameVtbl {
	HRESULT (*QueryInterface)(ICorDebugFrame *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugFrame *self);
	ULONG (*Release)(ICorDebugFrame *self);
	/* ICorDebugFrame */
	HRESULT (*GetChain)(ICorDebugFrame *self, ICorDebugChain **ppChain);
	HRESULT (*GetCode)(ICorDebugFrame *self, ICorDebugCode **ppCode);
	HRESULT (*GetFunction)(ICorDebugFrame *self, ICorDebugFunction **ppFunction);
	HRESULT (*GetFunctionToken)(ICorDebugFrame *self, mdMethodDef *pToken);
	HRESULT (*GetStackRange)(ICorDebugFrame *self, CORDB_ADDRESS *pStart, CORDB_ADDRESS *pEnd);
	HRESULT (*GetCaller)(ICorDebugFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetCallee)(ICorDebugFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*CreateStepper)(ICorDebugFrame *self, ICorDebugStepper **ppStepper);
};
struct ICorDebugFrame {
	const struct ICorDebugFrameVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugFrameVtbl) == 11 * sizeof(void *),
	       "ICorDebugFrame: 11 slots");
extern const IID IID_ICorDebugFrame;

/* ICorDebugInternalFrame : ICorDebugFrame : IUnknown (12 slots) */
struct ICorDebugInternalFrameVtbl {
	HRESULT (*QueryInterface)(ICorDebugInternalFrame *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugInternalFrame *self);
	ULONG (*Release)(ICorDebugInternalFrame *self);
	/* ICorDebugFrame */
	HRESULT (*GetChain)(ICorDebugInternalFrame *self, ICorDebugChain **ppChain);
	HRESULT (*GetCode)(ICorDebugInternalFrame *self, ICorDebugCode **ppCode);
	HRESULT (*GetFunction)(ICorDebugInternalFrame *self, ICorDebugFunction **ppFunction);
	HRESULT (*GetFunctionToken)(ICorDebugInternalFrame *self, mdMethodDef *pToken);
	HRESULT (*GetStackRange)(ICorDebugInternalFrame *self, CORDB_ADDRESS *pStart,
				 CORDB_ADDRESS *pEnd);
	HRESULT (*GetCaller)(ICorDebugInternalFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetCallee)(ICorDebugInternalFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*CreateStepper)(ICorDebugInternalFrame *self, ICorDebugStepper **ppStepper);
	/* ICorDebugInternalFrame */
	HRESULT (*GetFrameType)(ICorDebugInternalFrame *self, CorDebugInternalFrameType *pType);
};
struct ICorDebugInternalFrame {
	const struct ICorDebugInternalFrameVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugInternalFrameVtbl) == 12 * sizeof(void *),
	       "ICorDebugInternalFrame: 12 slots");
extern const IID IID_ICorDebugInternalFrame;

/* ICorDebugInternalFrame2 : IUnknown (5 slots) */
struct ICorDebugInternalFrame2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugInternalFrame2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugInternalFrame2 *self);
	ULONG (*Release)(ICorDebugInternalFrame2 *self);
	/* ICorDebugInternalFrame2 */
	HRESULT (*GetAddress)(ICorDebugInternalFrame2 *self, CORDB_ADDRESS *pAddress);
	HRESULT (*IsCloserToLeaf)(ICorDebugInternalFrame2 *self, ICorDebugFrame *pFrameToCompare,
				  BOOL *pIsCloser);
};
struct ICorDebugInternalFrame2 {
	const struct ICorDebugInternalFrame2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugInternalFrame2Vtbl) == 5 * sizeof(void *),
	       "ICorDebugInternalFrame2: 5 slots");
extern const IID IID_ICorDebugInternalFrame2;

/* ICorDebugILFrame : ICorDebugFrame : IUnknown (20 slots) */
struct ICorDebugILFrameVtbl {
	HRESULT (*QueryInterface)(ICorDebugILFrame *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugILFrame *self);
	ULONG (*Release)(ICorDebugILFrame *self);
	/* ICorDebugFrame */
	HRESULT (*GetChain)(ICorDebugILFrame *self, ICorDebugChain **ppChain);
	HRESULT (*GetCode)(ICorDebugILFrame *self, ICorDebugCode **ppCode);
	HRESULT (*GetFunction)(ICorDebugILFrame *self, ICorDebugFunction **ppFunction);
	HRESULT (*GetFunctionToken)(ICorDebugILFrame *self, mdMethodDef *pToken);
	HRESULT (*GetStackRange)(ICorDebugILFrame *self, CORDB_ADDRESS *pStart,
				 CORDB_ADDRESS *pEnd);
	HRESULT (*GetCaller)(ICorDebugILFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetCallee)(ICorDebugILFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*CreateStepper)(ICorDebugILFrame *self, ICorDebugStepper **ppStepper);
	/* ICorDebugILFrame */
	HRESULT (*GetIP)(ICorDebugILFrame *self, ULONG32 *pnOffset,
			 CorDebugMappingResult *pMappingResult);
	HRESULT (*SetIP)(ICorDebugILFrame *self, ULONG32 nOffset);
	HRESULT (*EnumerateLocalVariables)(ICorDebugILFrame *self,
					   ICorDebugValueEnum **ppValueEnum);
	HRESULT (*GetLocalVariable)(ICorDebugILFrame *self, DWORD dwIndex,
				    ICorDebugValue **ppValue);
	HRESULT (*EnumerateArguments)(ICorDebugILFrame *self, ICorDebugValueEnum **ppValueEnum);
	HRESULT (*GetArgument)(ICorDebugILFrame *self, DWORD dwIndex, ICorDebugValue **ppValue);
	HRESULT (*GetStackDepth)(ICorDebugILFrame *self, ULONG32 *pDepth);
	HRESULT (*GetStackValue)(ICorDebugILFrame *self, DWORD dwIndex, ICorDebugValue **ppValue);
	HRESULT (*CanSetIP)(ICorDebugILFrame *self, ULONG32 nOffset);
};
struct ICorDebugILFrame {
	const struct ICorDebugILFrameVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugILFrameVtbl) == 20 * sizeof(void *),
	       "ICorDebugILFrame: 20 slots");
extern const IID IID_ICorDebugILFrame;

/* ICorDebugILFrame2 : IUnknown (5 slots) */
struct ICorDebugILFrame2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugILFrame2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugILFrame2 *self);
	ULONG (*Release)(ICorDebugILFrame2 *self);
	/* ICorDebugILFrame2 */
	HRESULT (*RemapFunction)(ICorDebugILFrame2 *self, ULONG32 newILOffset);
	HRESULT (*EnumerateTypeParameters)(ICorDebugILFrame2 *self,
					   ICorDebugTypeEnum **ppTyParEnum);
};
struct ICorDebugILFrame2 {
	const struct ICorDebugILFrame2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugILFrame2Vtbl) == 5 * sizeof(void *),
	       "ICorDebugILFrame2: 5 slots");
extern const IID IID_ICorDebugILFrame2;

/* ICorDebugNativeFrame : ICorDebugFrame : IUnknown (20 slots) */
struct ICorDebugNativeFrameVtbl {
	HRESULT (*QueryInterface)(ICorDebugNativeFrame *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugNativeFrame *self);
	ULONG (*Release)(ICorDebugNativeFrame *self);
	/* ICorDebugFrame */
	HRESULT (*GetChain)(ICorDebugNativeFrame *self, ICorDebugChain **ppChain);
	HRESULT (*GetCode)(ICorDebugNativeFrame *self, ICorDebugCode **ppCode);
	HRESULT (*GetFunction)(ICorDebugNativeFrame *self, ICorDebugFunction **ppFunction);
	HRESULT (*GetFunctionToken)(ICorDebugNativeFrame *self, mdMethodDef *pToken);
	HRESULT (*GetStackRange)(ICorDebugNativeFrame *self, CORDB_ADDRESS *pStart,
				 CORDB_ADDRESS *pEnd);
	HRESULT (*GetCaller)(ICorDebugNativeFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetCallee)(ICorDebugNativeFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*CreateStepper)(ICorDebugNativeFrame *self, ICorDebugStepper **ppStepper);
	/* ICorDebugNativeFrame */
	HRESULT (*GetIP)(ICorDebugNativeFrame *self, ULONG32 *pnOffset);
	HRESULT (*SetIP)(ICorDebugNativeFrame *self, ULONG32 nOffset);
	HRESULT (*GetRegisterSet)(ICorDebugNativeFrame *self, ICorDebugRegisterSet **ppRegisters);
	HRESULT (*GetLocalRegisterValue)(ICorDebugNativeFrame *self, CorDebugRegister reg,
					 ULONG cbSigBlob, PCCOR_SIGNATURE pvSigBlob,
					 ICorDebugValue **ppValue);
	HRESULT (*GetLocalDoubleRegisterValue)(ICorDebugNativeFrame *self,
					       CorDebugRegister highWordReg,
					       CorDebugRegister lowWordReg, ULONG cbSigBlob,
					       PCCOR_SIGNATURE pvSigBlob, ICorDebugValue **ppValue);
	HRESULT (*GetLocalMemoryValue)(ICorDebugNativeFrame *self, CORDB_ADDRESS address,
				       ULONG cbSigBlob, PCCOR_SIGNATURE pvSigBlob,
				       ICorDebugValue **ppValue);
	HRESULT (*GetLocalRegisterMemoryValue)(ICorDebugNativeFrame *self,
					       CorDebugRegister highWordReg,
					       CORDB_ADDRESS lowWordAddress, ULONG cbSigBlob,
					       PCCOR_SIGNATURE pvSigBlob, ICorDebugValue **ppValue);
	HRESULT (*GetLocalMemoryRegisterValue)(ICorDebugNativeFrame *self,
					       CORDB_ADDRESS highWordAddress,
					       CorDebugRegister lowWordRegister, ULONG cbSigBlob,
					       PCCOR_SIGNATURE pvSigBlob, ICorDebugValue **ppValue);
	HRESULT (*CanSetIP)(ICorDebugNativeFrame *self, ULONG32 nOffset);
};
struct ICorDebugNativeFrame {
	const struct ICorDebugNativeFrameVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugNativeFrameVtbl) == 20 * sizeof(void *),
	       "ICorDebugNativeFrame: 20 slots");
extern const IID IID_ICorDebugNativeFrame;

/* ICorDebugNativeFrame2 : IUnknown (6 slots) */
struct ICorDebugNativeFrame2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugNativeFrame2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugNativeFrame2 *self);
	ULONG (*Release)(ICorDebugNativeFrame2 *self);
	/* ICorDebugNativeFrame2 */
	HRESULT (*IsChild)(ICorDebugNativeFrame2 *self, BOOL *pIsChild);
	HRESULT (*IsMatchingParentFrame)(ICorDebugNativeFrame2 *self,
					 ICorDebugNativeFrame2 *pPotentialParentFrame,
					 BOOL *pIsParent);
	HRESULT (*GetStackParameterSize)(ICorDebugNativeFrame2 *self, ULONG32 *pSize);
};
struct ICorDebugNativeFrame2 {
	const struct ICorDebugNativeFrame2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugNativeFrame2Vtbl) == 6 * sizeof(void *),
	       "ICorDebugNativeFrame2: 6 slots");
extern const IID IID_ICorDebugNativeFrame2;

/* ICorDebugRuntimeUnwindableFrame : ICorDebugFrame : IUnknown (11 slots) */
struct ICorDebugRuntimeUnwindableFrameVtbl {
	HRESULT (*QueryInterface)(ICorDebugRuntimeUnwindableFrame *self, const IID *riid,
				  void **ppv);
	ULONG (*AddRef)(ICorDebugRuntimeUnwindableFrame *self);
	ULONG (*Release)(ICorDebugRuntimeUnwindableFrame *self);
	/* ICorDebugFrame */
	HRESULT (*GetChain)(ICorDebugRuntimeUnwindableFrame *self, ICorDebugChain **ppChain);
	HRESULT (*GetCode)(ICorDebugRuntimeUnwindableFrame *self, ICorDebugCode **ppCode);
	HRESULT (*GetFunction)(ICorDebugRuntimeUnwindableFrame *self,
			       ICorDebugFunction **ppFunction);
	HRESULT (*GetFunctionToken)(ICorDebugRuntimeUnwindableFrame *self, mdMethodDef *pToken);
	HRESULT (*GetStackRange)(ICorDebugRuntimeUnwindableFrame *self, CORDB_ADDRESS *pStart,
				 CORDB_ADDRESS *pEnd);
	HRESULT (*GetCaller)(ICorDebugRuntimeUnwindableFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*GetCallee)(ICorDebugRuntimeUnwindableFrame *self, ICorDebugFrame **ppFrame);
	HRESULT (*CreateStepper)(ICorDebugRuntimeUnwindableFrame *self,
				 ICorDebugStepper **ppStepper);
};
struct ICorDebugRuntimeUnwindableFrame {
	const struct ICorDebugRuntimeUnwindableFrameVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugRuntimeUnwindableFrameVtbl) == 11 * sizeof(void *),
	       "ICorDebugRuntimeUnwindableFrame: 11 slots");
extern const IID IID_ICorDebugRuntimeUnwindableFrame;

/* ICorDebugModule : IUnknown (20 slots) */
struct ICorDebugModuleVtbl {
	HRESULT (*QueryInterface)(ICorDebugModule *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugModule *self);
	ULONG (*Release)(ICorDebugModule *self);
	/* ICorDebugModule */
	HRESULT (*GetProcess)(ICorDebugModule *self, ICorDebugProcess **ppProcess);
	HRESULT (*GetBaseAddress)(ICorDebugModule *self, CORDB_ADDRESS *pAddress);
	HRESULT (*GetAssembly)(ICorDebugModule *self, ICorDebugAssembly **ppAssembly);
	HRESULT (*GetName)(ICorDebugModule *self, ULONG32 cchName, ULONG32 *pcchName,
			   WCHAR szName[]);
	HRESULT (*EnableJITDebugging)(ICorDebugModule *self, BOOL bTrackJITInfo,
				      BOOL bAllowJitOpts);
	HRESULT (*EnableClassLoadCallbacks)(ICorDebugModule *self, BOOL bClassLoadCallbacks);
	HRESULT (*GetFunctionFromToken)(ICorDebugModule *self, mdMethodDef methodDef,
					ICorDebugFunction **ppFunction);
	HRESULT (*GetFunctionFromRVA)(ICorDebugModule *self, CORDB_ADDRESS rva,
				      ICorDebugFunction **ppFunction);
	HRESULT (*GetClassFromToken)(ICorDebugModule *self, mdTypeDef typeDef,
				     ICorDebugClass **ppClass);
	HRESULT (*CreateBreakpoint)(ICorDebugModule *self,
				    ICorDebugModuleBreakpoint **ppBreakpoint);
	HRESULT (*GetEditAndContinueSnapshot)(ICorDebugModule *self,
		ICorDebugEditAndContinueSnapshot **ppEditAndContinueSnapshot);
	HRESULT (*GetMetaDataInterface)(ICorDebugModule *self, const IID *riid, IUnknown **ppObj);
	HRESULT (*GetToken)(ICorDebugModule *self, mdModule *pToken);
	HRESULT (*IsDynamic)(ICorDebugModule *self, BOOL *pDynamic);
	HRESULT (*GetGlobalVariableValue)(ICorDebugModule *self, mdFieldDef fieldDef,
					  ICorDebugValue **ppValue);
	HRESULT (*GetSize)(ICorDebugModule *self, ULONG32 *pcBytes);
	HRESULT (*IsInMemory)(ICorDebugModule *self, BOOL *pInMemory);
};
struct ICorDebugModule {
	const struct ICorDebugModuleVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugModuleVtbl) == 20 * sizeof(void *),
	       "ICorDebugModule: 20 slots");
extern const IID IID_ICorDebugModule;

/* ICorDebugModule2 : IUnknown (8 slots) */
struct ICorDebugModule2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugModule2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugModule2 *self);
	ULONG (*Release)(ICorDebugModule2 *self);
	/* ICorDebugModule2 */
	HRESULT (*SetJMCStatus)(ICorDebugModule2 *self, BOOL bIsJustMyCode, ULONG32 cTokens,
				mdToken pTokens[]);
	HRESULT (*ApplyChanges)(ICorDebugModule2 *self, ULONG cbMetadata, BYTE pbMetadata[],
				ULONG cbIL, BYTE pbIL[]);
	HRESULT (*SetJITCompilerFlags)(ICorDebugModule2 *self, DWORD dwFlags);
	HRESULT (*GetJITCompilerFlags)(ICorDebugModule2 *self, DWORD *pdwFlags);
	HRESULT (*ResolveAssembly)(ICorDebugModule2 *self, mdToken tkAssemblyRef,
				   ICorDebugAssembly **ppAssembly);
};
struct ICorDebugModule2 {
	const struct ICorDebugModule2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugModule2Vtbl) == 8 * sizeof(void *),
	       "ICorDebugModule2: 8 slots");
extern const IID IID_ICorDebugModule2;

/* ICorDebugFunction : IUnknown (11 slots) */
struct ICorDebugFunctionVtbl {
	HRESULT (*QueryInterface)(ICorDebugFunction *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugFunction *self);
	ULONG (*Release)(ICorDebugFunction *self);
	/* ICorDebugFunction */
	HRESULT (*GetModule)(ICorDebugFunction *self, ICorDebugModule **ppModule);
	HRESULT (*GetClass)(ICorDebugFunction *self, ICorDebugClass **ppClass);
	HRESULT (*GetToken)(ICorDebugFunction *self, mdMethodDef *pMethodDef);
	HRESULT (*GetILCode)(ICorDebugFunction *self, ICorDebugCode **ppCode);
	HRESULT (*GetNativeCode)(ICorDebugFunction *self, ICorDebugCode **ppCode);
	HRESULT (*CreateBreakpoint)(ICorDebugFunction *self,
				    ICorDebugFunctionBreakpoint **ppBreakpoint);
	HRESULT (*GetLocalVarSigToken)(ICorDebugFunction *self, mdSignature *pmdSig);
	HRESULT (*GetCurrentVersionNumber)(ICorDebugFunction *self, ULONG32 *pnCurrentVersion);
};
struct ICorDebugFunction {
	const struct ICorDebugFunctionVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugFunctionVtbl) == 11 * sizeof(void *),
	       "ICorDebugFunction: 11 slots");
extern const IID IID_ICorDebugFunction;

/* ICorDebugFunction2 : IUnknown (7 slots) */
struct ICorDebugFunction2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugFunction2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugFunction2 *self);
	ULONG (*Release)(ICorDebugFunction2 *self);
	/* ICorDebugFunction2 */
	HRESULT (*SetJMCStatus)(ICorDebugFunction2 *self, BOOL bIsJustMyCode);
	HRESULT (*GetJMCStatus)(ICorDebugFunction2 *self, BOOL *pbIsJustMyCode);
	HRESULT (*EnumerateNativeCode)(ICorDebugFunction2 *self, ICorDebugCodeEnum **ppCodeEnum);
	HRESULT (*GetVersionNumber)(ICorDebugFunction2 *self, ULONG32 *pnVersion);
};
struct ICorDebugFunction2 {
	const struct ICorDebugFunction2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugFunction2Vtbl) == 7 * sizeof(void *),
	       "ICorDebugFunction2: 7 slots");
extern const IID IID_ICorDebugFunction2;

/* ICorDebugCode : IUnknown (12 slots) */
struct ICorDebugCodeVtbl {
	HRESULT (*QueryInterface)(ICorDebugCode *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugCode *self);
	ULONG (*Release)(ICorDebugCode *self);
	/* ICorDebugCode */
	HRESULT (*IsIL)(ICorDebugCode *self, BOOL *pbIL);
	HRESULT (*GetFunction)(ICorDebugCode *self, ICorDebugFunction **ppFunction);
	HRESULT (*GetAddress)(ICorDebugCode *self, CORDB_ADDRESS *pStart);
	HRESULT (*GetSize)(ICorDebugCode *self, ULONG32 *pcBytes);
	HRESULT (*CreateBreakpoint)(ICorDebugCode *self, ULONG32 offset,
				    ICorDebugFunctionBreakpoint **ppBreakpoint);
	HRESULT (*GetCode)(ICorDebugCode *self, ULONG32 startOffset, ULONG32 endOffset,
			   ULONG32 cBufferAlloc, BYTE buffer[], ULONG32 *pcBufferSize);
	HRESULT (*GetVersionNumber)(ICorDebugCode *self, ULONG32 *nVersion);
	HRESULT (*GetILToNativeMapping)(ICorDebugCode *self, ULONG32 cMap, ULONG32 *pcMap,
					COR_DEBUG_IL_TO_NATIVE_MAP map[]);
	HRESULT (*GetEnCRemapSequencePoints)(ICorDebugCode *self, ULONG32 cMap, ULONG32 *pcMap,
					     ULONG32 offsets[]);
};
struct ICorDebugCode {
	const struct ICorDebugCodeVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugCodeVtbl) == 12 * sizeof(void *), "ICorDebugCode: 12 slots");
extern const IID IID_ICorDebugCode;

/* ICorDebugCode2 : IUnknown (5 slots) */
struct ICorDebugCode2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugCode2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugCode2 *self);
	ULONG (*Release)(ICorDebugCode2 *self);
	/* ICorDebugCode2 */
	HRESULT (*GetCodeChunks)(ICorDebugCode2 *self, ULONG32 cbufSize, ULONG32 *pcnumChunks,
				 CodeChunkInfo chunks[]);
	HRESULT (*GetCompilerFlags)(ICorDebugCode2 *self, DWORD *pdwFlags);
};
struct ICorDebugCode2 {
	const struct ICorDebugCode2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugCode2Vtbl) == 5 * sizeof(void *), "ICorDebugCode2: 5 slots");
extern const IID IID_ICorDebugCode2;

/* ICorDebugClass : IUnknown (6 slots) */
struct ICorDebugClassVtbl {
	HRESULT (*QueryInterface)(ICorDebugClass *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugClass *self);
	ULONG (*Release)(ICorDebugClass *self);
	/* ICorDebugClass */
	HRESULT (*GetModule)(ICorDebugClass *self, ICorDebugModule **pModule);
	HRESULT (*GetToken)(ICorDebugClass *self, mdTypeDef *pTypeDef);
	HRESULT (*GetStaticFieldValue)(ICorDebugClass *self, mdFieldDef fieldDef,
				       ICorDebugFrame *pFrame, ICorDebugValue **ppValue);
};
struct ICorDebugClass {
	const struct ICorDebugClassVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugClassVtbl) == 6 * sizeof(void *), "ICorDebugClass: 6 slots");
extern const IID IID_ICorDebugClass;

/* ICorDebugClass2 : IUnknown (5 slots) */
struct ICorDebugClass2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugClass2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugClass2 *self);
	ULONG (*Release)(ICorDebugClass2 *self);
	/* ICorDebugClass2 */
	HRESULT (*GetParameterizedType)(ICorDebugClass2 *self, CorElementType elementType,
					ULONG32 nTypeArgs, ICorDebugType *ppTypeArgs[],
					ICorDebugType **ppType);
	HRESULT (*SetJMCStatus)(ICorDebugClass2 *self, BOOL bIsJustMyCode);
};
struct ICorDebugClass2 {
	const struct ICorDebugClass2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugClass2Vtbl) == 5 * sizeof(void *),
	       "ICorDebugClass2: 5 slots");
extern const IID IID_ICorDebugClass2;

/* ICorDebugEval : IUnknown (13 slots) */
struct ICorDebugEvalVtbl {
	HRESULT (*QueryInterface)(ICorDebugEval *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugEval *self);
	ULONG (*Release)(ICorDebugEval *self);
	/* ICorDebugEval */
	HRESULT (*CallFunction)(ICorDebugEval *self, ICorDebugFunction *pFunction, ULONG32 nArgs,
				ICorDebugValue *ppArgs[]);
	HRESULT (*NewObject)(ICorDebugEval *self, ICorDebugFunction *pConstructor, ULONG32 nArgs,
			     ICorDebugValue *ppArgs[]);
	HRESULT (*NewObjectNoConstructor)(ICorDebugEval *self, ICorDebugClass *pClass);
	HRESULT (*NewString)(ICorDebugEval *self, LPCWSTR string);
	HRESULT (*NewArray)(ICorDebugEval *self, CorElementType elementType,
			    ICorDebugClass *pElementClass, ULONG32 rank, ULONG32 dims[],
			    ULONG32 lowBounds[]);
	HRESULT (*IsActive)(ICorDebugEval *self, BOOL *pbActive);
	HRESULT (*Abort)(ICorDebugEval *self);
	HRESULT (*GetResult)(ICorDebugEval *self, ICorDebugValue **ppResult);
	HRESULT (*GetThread)(ICorDebugEval *self, ICorDebugThread **ppThread);
	HRESULT (*CreateValue)(ICorDebugEval *self, CorElementType elementType,
			       ICorDebugClass *pElementClass, ICorDebugValue **ppValue);
};
struct ICorDebugEval {
	const struct ICorDebugEvalVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugEvalVtbl) == 13 * sizeof(void *), "ICorDebugEval: 13 slots");
extern const IID IID_ICorDebugEval;

/* ICorDebugEval2 : IUnknown (10 slots) */
struct ICorDebugEval2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugEval2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugEval2 *self);
	ULONG (*Release)(ICorDebugEval2 *self);
	/* ICorDebugEval2 */
	HRESULT (*CallParameterizedFunction)(ICorDebugEval2 *self, ICorDebugFunction *pFunction,
					     ULONG32 nTypeArgs, ICorDebugType *ppTypeArgs[],
					     ULONG32 nArgs, ICorDebugValue *ppArgs[]);
	HRESULT (*CreateValueForType)(ICorDebugEval2 *self, ICorDebugType *pType,
				      ICorDebugValue **ppValue);
	HRESULT (*NewParameterizedObject)(ICorDebugEval2 *self, ICorDebugFunction *pConstructor,
					  ULONG32 nTypeArgs, ICorDebugType *ppTypeArgs[],
					  ULONG32 nArgs, ICorDebugValue *ppArgs[]);
	HRESULT (*NewParameterizedObjectNoConstructor)(ICorDebugEval2 *self, ICorDebugClass *pClass,
						       ULONG32 nTypeArgs,
						       ICorDebugType *ppTypeArgs[]);
	HRESULT (*NewParameterizedArray)(ICorDebugEval2 *self, ICorDebugType *pElementType,
					 ULONG32 rank, ULONG32 dims[], ULONG32 lowBounds[]);
	HRESULT (*NewStringWithLength)(ICorDebugEval2 *self, LPCWSTR string, UINT uiLength);
	HRESULT (*RudeAbort)(ICorDebugEval2 *self);
};
struct ICorDebugEval2 {
	const struct ICorDebugEval2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugEval2Vtbl) == 10 * sizeof(void *),
	       "ICorDebugEval2: 10 slots");
extern const IID IID_ICorDebugEval2;

/* ICorDebugValue : IUnknown (7 slots) */
struct ICorDebugValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugValue *self);
	ULONG (*Release)(ICorDebugValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugValue *self, ICorDebugValueBreakpoint **ppBreakpoint);
};
struct ICorDebugValue {
	const struct ICorDebugValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugValueVtbl) == 7 * sizeof(void *), "ICorDebugValue: 7 slots");
extern const IID IID_ICorDebugValue;

/* ICorDebugValue2 : IUnknown (4 slots) */
struct ICorDebugValue2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugValue2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugValue2 *self);
	ULONG (*Release)(ICorDebugValue2 *self);
	/* ICorDebugValue2 */
	HRESULT (*GetExactType)(ICorDebugValue2 *self, ICorDebugType **ppType);
};
struct ICorDebugValue2 {
	const struct ICorDebugValue2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugValue2Vtbl) == 4 * sizeof(void *),
	       "ICorDebugValue2: 4 slots");
extern const IID IID_ICorDebugValue2;

/* ICorDebugValue3 : IUnknown (4 slots) */
struct ICorDebugValue3Vtbl {
	HRESULT (*QueryInterface)(ICorDebugValue3 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugValue3 *self);
	ULONG (*Release)(ICorDebugValue3 *self);
	/* ICorDebugValue3 */
	HRESULT (*GetSize64)(ICorDebugValue3 *self, ULONG64 *pSize);
};
struct ICorDebugValue3 {
	const struct ICorDebugValue3Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugValue3Vtbl) == 4 * sizeof(void *),
	       "ICorDebugValue3: 4 slots");
extern const IID IID_ICorDebugValue3;

/* ICorDebugGenericValue : ICorDebugValue : IUnknown (9 slots) */
struct ICorDebugGenericValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugGenericValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugGenericValue *self);
	ULONG (*Release)(ICorDebugGenericValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugGenericValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugGenericValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugGenericValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugGenericValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugGenericValue */
	HRESULT (*GetValue)(ICorDebugGenericValue *self, void *pTo);
	HRESULT (*SetValue)(ICorDebugGenericValue *self, void *pFrom);
};
struct ICorDebugGenericValue {
	const struct ICorDebugGenericValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugGenericValueVtbl) == 9 * sizeof(void *),
	       "ICorDebugGenericValue: 9 slots");
extern const IID IID_ICorDebugGenericValue;

/* ICorDebugReferenceValue : ICorDebugValue : IUnknown (12 slots) */
struct ICorDebugReferenceValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugReferenceValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugReferenceValue *self);
	ULONG (*Release)(ICorDebugReferenceValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugReferenceValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugReferenceValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugReferenceValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugReferenceValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugReferenceValue */
	HRESULT (*IsNull)(ICorDebugReferenceValue *self, BOOL *pbNull);
	HRESULT (*GetValue)(ICorDebugReferenceValue *self, CORDB_ADDRESS *pValue);
	HRESULT (*SetValue)(ICorDebugReferenceValue *self, CORDB_ADDRESS value);
	HRESULT (*Dereference)(ICorDebugReferenceValue *self, ICorDebugValue **ppValue);
	HRESULT (*DereferenceStrong)(ICorDebugReferenceValue *self, ICorDebugValue **ppValue);
};
struct ICorDebugReferenceValue {
	const struct ICorDebugReferenceValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugReferenceValueVtbl) == 12 * sizeof(void *),
	       "ICorDebugReferenceValue: 12 slots");
extern const IID IID_ICorDebugReferenceValue;

/* ICorDebugHeapValue : ICorDebugValue : IUnknown (9 slots) */
struct ICorDebugHeapValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugHeapValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugHeapValue *self);
	ULONG (*Release)(ICorDebugHeapValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugHeapValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugHeapValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugHeapValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugHeapValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugHeapValue */
	HRESULT (*IsValid)(ICorDebugHeapValue *self, BOOL *pbValid);
	HRESULT (*CreateRelocBreakpoint)(ICorDebugHeapValue *self,
					 ICorDebugValueBreakpoint **ppBreakpoint);
};
struct ICorDebugHeapValue {
	const struct ICorDebugHeapValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugHeapValueVtbl) == 9 * sizeof(void *),
	       "ICorDebugHeapValue: 9 slots");
extern const IID IID_ICorDebugHeapValue;

/* ICorDebugHeapValue2 : IUnknown (4 slots) */
struct ICorDebugHeapValue2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugHeapValue2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugHeapValue2 *self);
	ULONG (*Release)(ICorDebugHeapValue2 *self);
	/* ICorDebugHeapValue2 */
	HRESULT (*CreateHandle)(ICorDebugHeapValue2 *self, CorDebugHandleType type,
				ICorDebugHandleValue **ppHandle);
};
struct ICorDebugHeapValue2 {
	const struct ICorDebugHeapValue2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugHeapValue2Vtbl) == 4 * sizeof(void *),
	       "ICorDebugHeapValue2: 4 slots");
extern const IID IID_ICorDebugHeapValue2;

/* ICorDebugObjectValue : ICorDebugValue : IUnknown (14 slots) */
struct ICorDebugObjectValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugObjectValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugObjectValue *self);
	ULONG (*Release)(ICorDebugObjectValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugObjectValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugObjectValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugObjectValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugObjectValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugObjectValue */
	HRESULT (*GetClass)(ICorDebugObjectValue *self, ICorDebugClass **ppClass);
	HRESULT (*GetFieldValue)(ICorDebugObjectValue *self, ICorDebugClass *pClass,
				 mdFieldDef fieldDef, ICorDebugValue **ppValue);
	HRESULT (*GetVirtualMethod)(ICorDebugObjectValue *self, mdMemberRef memberRef,
				    ICorDebugFunction **ppFunction);
	HRESULT (*GetContext)(ICorDebugObjectValue *self, ICorDebugContext **ppContext);
	HRESULT (*IsValueClass)(ICorDebugObjectValue *self, BOOL *pbIsValueClass);
	HRESULT (*GetManagedCopy)(ICorDebugObjectValue *self, IUnknown **ppObject);
	HRESULT (*SetFromManagedCopy)(ICorDebugObjectValue *self, IUnknown *pObject);
};
struct ICorDebugObjectValue {
	const struct ICorDebugObjectValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugObjectValueVtbl) == 14 * sizeof(void *),
	       "ICorDebugObjectValue: 14 slots");
extern const IID IID_ICorDebugObjectValue;

/* ICorDebugObjectValue2 : IUnknown (4 slots) */
struct ICorDebugObjectValue2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugObjectValue2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugObjectValue2 *self);
	ULONG (*Release)(ICorDebugObjectValue2 *self);
	/* ICorDebugObjectValue2 */
	HRESULT (*GetVirtualMethodAndType)(ICorDebugObjectValue2 *self, mdMemberRef memberRef,
					   ICorDebugFunction **ppFunction, ICorDebugType **ppType);
};
struct ICorDebugObjectValue2 {
	const struct ICorDebugObjectValue2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugObjectValue2Vtbl) == 4 * sizeof(void *),
	       "ICorDebugObjectValue2: 4 slots");
extern const IID IID_ICorDebugObjectValue2;

/* ICorDebugBoxValue : ICorDebugHeapValue : ICorDebugValue : IUnknown (10 slots) */
struct ICorDebugBoxValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugBoxValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugBoxValue *self);
	ULONG (*Release)(ICorDebugBoxValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugBoxValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugBoxValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugBoxValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugBoxValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugHeapValue */
	HRESULT (*IsValid)(ICorDebugBoxValue *self, BOOL *pbValid);
	HRESULT (*CreateRelocBreakpoint)(ICorDebugBoxValue *self,
					 ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugBoxValue */
	HRESULT (*GetObject)(ICorDebugBoxValue *self, ICorDebugObjectValue **ppObject);
};
struct ICorDebugBoxValue {
	const struct ICorDebugBoxValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugBoxValueVtbl) == 10 * sizeof(void *),
	       "ICorDebugBoxValue: 10 slots");
extern const IID IID_ICorDebugBoxValue;

/* ICorDebugStringValue : ICorDebugHeapValue : ICorDebugValue : IUnknown (11 slots) */
struct ICorDebugStringValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugStringValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugStringValue *self);
	ULONG (*Release)(ICorDebugStringValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugStringValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugStringValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugStringValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugStringValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugHeapValue */
	HRESULT (*IsValid)(ICorDebugStringValue *self, BOOL *pbValid);
	HRESULT (*CreateRelocBreakpoint)(ICorDebugStringValue *self,
					 ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugStringValue */
	HRESULT (*GetLength)(ICorDebugStringValue *self, ULONG32 *pcchString);
	HRESULT (*GetString)(ICorDebugStringValue *self, ULONG32 cchString, ULONG32 *pcchString,
			     WCHAR szString[]);
};
struct ICorDebugStringValue {
	const struct ICorDebugStringValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugStringValueVtbl) == 11 * sizeof(void *),
	       "ICorDebugStringValue: 11 slots");
extern const IID IID_ICorDebugStringValue;

/* ICorDebugArrayValue : ICorDebugHeapValue : ICorDebugValue : IUnknown (17 slots) */
struct ICorDebugArrayValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugArrayValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugArrayValue *self);
	ULONG (*Release)(ICorDebugArrayValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugArrayValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugArrayValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugArrayValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugArrayValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugHeapValue */
	HRESULT (*IsValid)(ICorDebugArrayValue *self, BOOL *pbValid);
	HRESULT (*CreateRelocBreakpoint)(ICorDebugArrayValue *self,
					 ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugArrayValue */
	HRESULT (*GetElementType)(ICorDebugArrayValue *self, CorElementType *pType);
	HRESULT (*GetRank)(ICorDebugArrayValue *self, ULONG32 *pnRank);
	HRESULT (*GetCount)(ICorDebugArrayValue *self, ULONG32 *pnCount);
	HRESULT (*GetDimensions)(ICorDebugArrayValue *self, ULONG32 cdim, ULONG32 dims[]);
	HRESULT (*HasBaseIndicies)(ICorDebugArrayValue *self, BOOL *pbHasBaseIndicies);
	HRESULT (*GetBaseIndicies)(ICorDebugArrayValue *self, ULONG32 cdim, ULONG32 indices[]);
	HRESULT (*GetElement)(ICorDebugArrayValue *self, ULONG32 cdim, ULONG32 indices[],
			      ICorDebugValue **ppValue);
	HRESULT (*GetElementAtPosition)(ICorDebugArrayValue *self, ULONG32 nPosition,
					ICorDebugValue **ppValue);
};
struct ICorDebugArrayValue {
	const struct ICorDebugArrayValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugArrayValueVtbl) == 17 * sizeof(void *),
	       "ICorDebugArrayValue: 17 slots");
extern const IID IID_ICorDebugArrayValue;

/* ICorDebugHandleValue : ICorDebugReferenceValue : ICorDebugValue : IUnknown (14 slots) */
struct ICorDebugHandleValueVtbl {
	HRESULT (*QueryInterface)(ICorDebugHandleValue *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugHandleValue *self);
	ULONG (*Release)(ICorDebugHandleValue *self);
	/* ICorDebugValue */
	HRESULT (*GetType)(ICorDebugHandleValue *self, CorElementType *pType);
	HRESULT (*GetSize)(ICorDebugHandleValue *self, ULONG32 *pSize);
	HRESULT (*GetAddress)(ICorDebugHandleValue *self, CORDB_ADDRESS *pAddress);
	HRESULT (*CreateBreakpoint)(ICorDebugHandleValue *self,
				    ICorDebugValueBreakpoint **ppBreakpoint);
	/* ICorDebugReferenceValue */
	HRESULT (*IsNull)(ICorDebugHandleValue *self, BOOL *pbNull);
	HRESULT (*GetValue)(ICorDebugHandleValue *self, CORDB_ADDRESS *pValue);
	HRESULT (*SetValue)(ICorDebugHandleValue *self, CORDB_ADDRESS value);
	HRESULT (*Dereference)(ICorDebugHandleValue *self, ICorDebugValue **ppValue);
	HRESULT (*DereferenceStrong)(ICorDebugHandleValue *self, ICorDebugValue **ppValue);
	/* ICorDebugHandleValue */
	HRESULT (*GetHandleType)(ICorDebugHandleValue *self, CorDebugHandleType *pType);
	HRESULT (*Dispose)(ICorDebugHandleValue *self);
};
struct ICorDebugHandleValue {
	const struct ICorDebugHandleValueVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugHandleValueVtbl) == 14 * sizeof(void *),
	       "ICorDebugHandleValue: 14 slots");
extern const IID IID_ICorDebugHandleValue;

/* ICorDebugType : IUnknown (10 slots) */
struct ICorDebugTypeVtbl {
	HRESULT (*QueryInterface)(ICorDebugType *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugType *self);
	ULONG (*Release)(ICorDebugType *self);
	/* ICorDebugType */
	HRESULT (*GetType)(ICorDebugType *self, CorElementType *ty);
	HRESULT (*GetClass)(ICorDebugType *self, ICorDebugClass **ppClass);
	HRESULT (*EnumerateTypeParameters)(ICorDebugType *self, ICorDebugTypeEnum **ppTyParEnum);
	HRESULT (*GetFirstTypeParameter)(ICorDebugType *self, ICorDebugType **value);
	HRESULT (*GetBase)(ICorDebugType *self, ICorDebugType **pBase);
	HRESULT (*GetStaticFieldValue)(ICorDebugType *self, mdFieldDef fieldDef,
				       ICorDebugFrame *pFrame, ICorDebugValue **ppValue);
	HRESULT (*GetRank)(ICorDebugType *self, ULONG32 *pnRank);
};
struct ICorDebugType {
	const struct ICorDebugTypeVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugTypeVtbl) == 10 * sizeof(void *), "ICorDebugType: 10 slots");
extern const IID IID_ICorDebugType;

/* ICorDebugType2 : IUnknown (4 slots) */
struct ICorDebugType2Vtbl {
	HRESULT (*QueryInterface)(ICorDebugType2 *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugType2 *self);
	ULONG (*Release)(ICorDebugType2 *self);
	/* ICorDebugType2 */
	HRESULT (*GetTypeID)(ICorDebugType2 *self, COR_TYPEID *id);
};
struct ICorDebugType2 {
	const struct ICorDebugType2Vtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugType2Vtbl) == 4 * sizeof(void *), "ICorDebugType2: 4 slots");
extern const IID IID_ICorDebugType2;

/* ICorDebugEnum : IUnknown (7 slots) */
struct ICorDebugEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugEnum *self);
	ULONG (*Release)(ICorDebugEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugEnum *self);
	HRESULT (*Clone)(ICorDebugEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugEnum *self, ULONG *pcelt);
};
struct ICorDebugEnum {
	const struct ICorDebugEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugEnumVtbl) == 7 * sizeof(void *), "ICorDebugEnum: 7 slots");
extern const IID IID_ICorDebugEnum;

/* ICorDebugObjectEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugObjectEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugObjectEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugObjectEnum *self);
	ULONG (*Release)(ICorDebugObjectEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugObjectEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugObjectEnum *self);
	HRESULT (*Clone)(ICorDebugObjectEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugObjectEnum *self, ULONG *pcelt);
	/* ICorDebugObjectEnum */
	HRESULT (*Next)(ICorDebugObjectEnum *self, ULONG celt, CORDB_ADDRESS objects[],
			ULONG *pceltFetched);
};
struct ICorDebugObjectEnum {
	const struct ICorDebugObjectEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugObjectEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugObjectEnum: 8 slots");
extern const IID IID_ICorDebugObjectEnum;

/* ICorDebugBreakpointEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugBreakpointEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugBreakpointEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugBreakpointEnum *self);
	ULONG (*Release)(ICorDebugBreakpointEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugBreakpointEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugBreakpointEnum *self);
	HRESULT (*Clone)(ICorDebugBreakpointEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugBreakpointEnum *self, ULONG *pcelt);
	/* ICorDebugBreakpointEnum */
	HRESULT (*Next)(ICorDebugBreakpointEnum *self, ULONG celt,
			ICorDebugBreakpoint *breakpoints[], ULONG *pceltFetched);
};
struct ICorDebugBreakpointEnum {
	const struct ICorDebugBreakpointEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugBreakpointEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugBreakpointEnum: 8 slots");
extern const IID IID_ICorDebugBreakpointEnum;

/* ICorDebugStepperEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugStepperEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugStepperEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugStepperEnum *self);
	ULONG (*Release)(ICorDebugStepperEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugStepperEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugStepperEnum *self);
	HRESULT (*Clone)(ICorDebugStepperEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugStepperEnum *self, ULONG *pcelt);
	/* ICorDebugStepperEnum */
	HRESULT (*Next)(ICorDebugStepperEnum *self, ULONG celt, ICorDebugStepper *steppers[],
			ULONG *pceltFetched);
};
struct ICorDebugStepperEnum {
	const struct ICorDebugStepperEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugStepperEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugStepperEnum: 8 slots");
extern const IID IID_ICorDebugStepperEnum;

/* ICorDebugProcessEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugProcessEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugProcessEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugProcessEnum *self);
	ULONG (*Release)(ICorDebugProcessEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugProcessEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugProcessEnum *self);
	HRESULT (*Clone)(ICorDebugProcessEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugProcessEnum *self, ULONG *pcelt);
	/* ICorDebugProcessEnum */
	HRESULT (*Next)(ICorDebugProcessEnum *self, ULONG celt, ICorDebugProcess *processes[],
			ULONG *pceltFetched);
};
struct ICorDebugProcessEnum {
	const struct ICorDebugProcessEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugProcessEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugProcessEnum: 8 slots");
extern const IID IID_ICorDebugProcessEnum;

/* ICorDebugThreadEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugThreadEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugThreadEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugThreadEnum *self);
	ULONG (*Release)(ICorDebugThreadEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugThreadEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugThreadEnum *self);
	HRESULT (*Clone)(ICorDebugThreadEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugThreadEnum *self, ULONG *pcelt);
	/* ICorDebugThreadEnum */
	HRESULT (*Next)(ICorDebugThreadEnum *self, ULONG celt, ICorDebugThread *threads[],
			ULONG *pceltFetched);
};
struct ICorDebugThreadEnum {
	const struct ICorDebugThreadEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugThreadEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugThreadEnum: 8 slots");
extern const IID IID_ICorDebugThreadEnum;

/* ICorDebugFrameEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugFrameEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugFrameEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugFrameEnum *self);
	ULONG (*Release)(ICorDebugFrameEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugFrameEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugFrameEnum *self);
	HRESULT (*Clone)(ICorDebugFrameEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugFrameEnum *self, ULONG *pcelt);
	/* ICorDebugFrameEnum */
	HRESULT (*Next)(ICorDebugFrameEnum *self, ULONG celt, ICorDebugFrame *frames[],
			ULONG *pceltFetched);
};
struct ICorDebugFrameEnum {
	const struct ICorDebugFrameEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugFrameEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugFrameEnum: 8 slots");
extern const IID IID_ICorDebugFrameEnum;

/* ICorDebugChainEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugChainEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugChainEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugChainEnum *self);
	ULONG (*Release)(ICorDebugChainEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugChainEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugChainEnum *self);
	HRESULT (*Clone)(ICorDebugChainEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugChainEnum *self, ULONG *pcelt);
	/* ICorDebugChainEnum */
	HRESULT (*Next)(ICorDebugChainEnum *self, ULONG celt, ICorDebugChain *chains[],
			ULONG *pceltFetched);
};
struct ICorDebugChainEnum {
	const struct ICorDebugChainEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugChainEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugChainEnum: 8 slots");
extern const IID IID_ICorDebugChainEnum;

/* ICorDebugModuleEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugModuleEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugModuleEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugModuleEnum *self);
	ULONG (*Release)(ICorDebugModuleEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugModuleEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugModuleEnum *self);
	HRESULT (*Clone)(ICorDebugModuleEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugModuleEnum *self, ULONG *pcelt);
	/* ICorDebugModuleEnum */
	HRESULT (*Next)(ICorDebugModuleEnum *self, ULONG celt, ICorDebugModule *modules[],
			ULONG *pceltFetched);
};
struct ICorDebugModuleEnum {
	const struct ICorDebugModuleEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugModuleEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugModuleEnum: 8 slots");
extern const IID IID_ICorDebugModuleEnum;

/* ICorDebugValueEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugValueEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugValueEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugValueEnum *self);
	ULONG (*Release)(ICorDebugValueEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugValueEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugValueEnum *self);
	HRESULT (*Clone)(ICorDebugValueEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugValueEnum *self, ULONG *pcelt);
	/* ICorDebugValueEnum */
	HRESULT (*Next)(ICorDebugValueEnum *self, ULONG celt, ICorDebugValue *values[],
			ULONG *pceltFetched);
};
struct ICorDebugValueEnum {
	const struct ICorDebugValueEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugValueEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugValueEnum: 8 slots");
extern const IID IID_ICorDebugValueEnum;

/* ICorDebugCodeEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugCodeEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugCodeEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugCodeEnum *self);
	ULONG (*Release)(ICorDebugCodeEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugCodeEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugCodeEnum *self);
	HRESULT (*Clone)(ICorDebugCodeEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugCodeEnum *self, ULONG *pcelt);
	/* ICorDebugCodeEnum */
	HRESULT (*Next)(ICorDebugCodeEnum *self, ULONG celt, ICorDebugCode *values[],
			ULONG *pceltFetched);
};
struct ICorDebugCodeEnum {
	const struct ICorDebugCodeEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugCodeEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugCodeEnum: 8 slots");
extern const IID IID_ICorDebugCodeEnum;

/* ICorDebugTypeEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugTypeEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugTypeEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugTypeEnum *self);
	ULONG (*Release)(ICorDebugTypeEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugTypeEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugTypeEnum *self);
	HRESULT (*Clone)(ICorDebugTypeEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugTypeEnum *self, ULONG *pcelt);
	/* ICorDebugTypeEnum */
	HRESULT (*Next)(ICorDebugTypeEnum *self, ULONG celt, ICorDebugType *values[],
			ULONG *pceltFetched);
};
struct ICorDebugTypeEnum {
	const struct ICorDebugTypeEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugTypeEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugTypeEnum: 8 slots");
extern const IID IID_ICorDebugTypeEnum;

/* ICorDebugErrorInfoEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugErrorInfoEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugErrorInfoEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugErrorInfoEnum *self);
	ULONG (*Release)(ICorDebugErrorInfoEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugErrorInfoEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugErrorInfoEnum *self);
	HRESULT (*Clone)(ICorDebugErrorInfoEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugErrorInfoEnum *self, ULONG *pcelt);
	/* ICorDebugErrorInfoEnum */
	HRESULT (*Next)(ICorDebugErrorInfoEnum *self, ULONG celt,
			ICorDebugEditAndContinueErrorInfo *errors[], ULONG *pceltFetched);
};
struct ICorDebugErrorInfoEnum {
	const struct ICorDebugErrorInfoEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugErrorInfoEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugErrorInfoEnum: 8 slots");
extern const IID IID_ICorDebugErrorInfoEnum;

/* ICorDebugAppDomainEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugAppDomainEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugAppDomainEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugAppDomainEnum *self);
	ULONG (*Release)(ICorDebugAppDomainEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugAppDomainEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugAppDomainEnum *self);
	HRESULT (*Clone)(ICorDebugAppDomainEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugAppDomainEnum *self, ULONG *pcelt);
	/* ICorDebugAppDomainEnum */
	HRESULT (*Next)(ICorDebugAppDomainEnum *self, ULONG celt, ICorDebugAppDomain *values[],
			ULONG *pceltFetched);
};
struct ICorDebugAppDomainEnum {
	const struct ICorDebugAppDomainEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugAppDomainEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugAppDomainEnum: 8 slots");
extern const IID IID_ICorDebugAppDomainEnum;

/* ICorDebugAssemblyEnum : ICorDebugEnum : IUnknown (8 slots) */
struct ICorDebugAssemblyEnumVtbl {
	HRESULT (*QueryInterface)(ICorDebugAssemblyEnum *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugAssemblyEnum *self);
	ULONG (*Release)(ICorDebugAssemblyEnum *self);
	/* ICorDebugEnum */
	HRESULT (*Skip)(ICorDebugAssemblyEnum *self, ULONG celt);
	HRESULT (*Reset)(ICorDebugAssemblyEnum *self);
	HRESULT (*Clone)(ICorDebugAssemblyEnum *self, ICorDebugEnum **ppEnum);
	HRESULT (*GetCount)(ICorDebugAssemblyEnum *self, ULONG *pcelt);
	/* ICorDebugAssemblyEnum */
	HRESULT (*Next)(ICorDebugAssemblyEnum *self, ULONG celt, ICorDebugAssembly *values[],
			ULONG *pceltFetched);
};
struct ICorDebugAssemblyEnum {
	const struct ICorDebugAssemblyEnumVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugAssemblyEnumVtbl) == 8 * sizeof(void *),
	       "ICorDebugAssemblyEnum: 8 slots");
extern const IID IID_ICorDebugAssemblyEnum;

/* ICorDebugMDA : IUnknown (8 slots) */
struct ICorDebugMDAVtbl {
	HRESULT (*QueryInterface)(ICorDebugMDA *self, const IID *riid, void **ppv);
	ULONG (*AddRef)(ICorDebugMDA *self);
	ULONG (*Release)(ICorDebugMDA *self);
	/* ICorDebugMDA */
	HRESULT (*GetName)(ICorDebugMDA *self, ULONG32 cchName, ULONG32 *pcchName, WCHAR szName[]);
	HRESULT (*GetDescription)(ICorDebugMDA *self, ULONG32 cchName, ULONG32 *pcchName,
				  WCHAR szName[]);
	HRESULT (*GetXML)(ICorDebugMDA *self, ULONG32 cchName, ULONG32 *pcchName, WCHAR szName[]);
	HRESULT (*GetFlags)(ICorDebugMDA *self, CorDebugMDAFlags *pFlags);
	HRESULT (*GetOSThreadId)(ICorDebugMDA *self, DWORD *pOsTid);
};
struct ICorDebugMDA {
	const struct ICorDebugMDAVtbl *lpVtbl;
};
_Static_assert(sizeof(struct ICorDebugMDAVtbl) == 8 * sizeof(void *), "ICorDebugMDA: 8 slots");
extern const IID IID_ICorDebugMDA;

/* clang-format on */

/* IIDs of the opaque interfaces (IStream: objidl.idl, not needed). */
extern const IID IID_ICorDebugContext;
extern const IID IID_ICorDebugEditAndContinueSnapshot;
extern const IID IID_ICorDebugEditAndContinueErrorInfo;
extern const IID IID_ICorDebugHeapEnum;
extern const IID IID_ICorDebugHeapSegmentEnum;
extern const IID IID_ICorDebugGCReferenceEnum;
extern const IID IID_ICorDebugBlockingObjectEnum;
extern const IID IID_ICorDebugRemoteTarget;

/* ---- exports of libmscordbi.so (for dlsym) ---- */

#define DLL_PROCESS_ATTACH 1
#define DLL_PROCESS_DETACH 0

/* The library's DllMain: call with DLL_PROCESS_ATTACH after dlopen (it sets up the PAL). */
typedef int (*DllMain_fn)(void *hinst, DWORD reason, void *reserved);

/* Creates the ICorDebug object for a live process: iDebuggerVersion is a
 * CorDebugInterfaceVersion, lpApplicationGroupId NULL off macOS sandboxes, dacModulePath the
 * libmscordaccore.so to use (NULL: the one beside libmscordbi.so), hmodTargetCLR the load
 * address of the target's libcoreclr.so. */
typedef HRESULT (*CoreCLRCreateCordbObject3_fn)(int iDebuggerVersion, DWORD pid,
						const WCHAR *lpApplicationGroupId,
						const WCHAR *dacModulePath, void *hmodTargetCLR,
						IUnknown **ppCordb);

/* Opens a process (live or a dump) through a data target (an ICorDebugDataTarget, optionally
 * ICorDebugMutableDataTarget/ICorDebugDataTarget4): riid is usually IID_ICorDebugProcess. */
typedef HRESULT (*OpenVirtualProcessImpl2_fn)(ULONG64 clrInstanceId, IUnknown *pDataTarget,
					      const WCHAR *pDacModulePath,
					      CLR_DEBUGGING_VERSION *pMaxDebuggerSupportedVersion,
					      const IID *riid, IUnknown **ppInstance,
					      CLR_DEBUGGING_PROCESS_FLAGS *pFlagsOut);

#endif
