/*
 * iKey / ezSign token emulator: a PKCS#11 module that forwards every call to a real module
 * (SoftHSMv2) and adds what the bank's USB tokens do and SoftHSM does not:
 *   - a user-PIN retry counter per token (10 wrong PINs lock it; COUNT_LOW / FINAL_TRY / LOCKED
 *     flags; a correct PIN resets it; kept in files so it survives process restarts);
 *   - a certificate capacity (6 on an iKey, 4 on an ezSign; CKR_DEVICE_MEMORY beyond);
 *   - the ezSign confirm button before key generation and signing (a delay, or a press file the
 *     test writes; CKR_FUNCTION_CANCELED when nobody presses in time);
 *   - manufacturer and model strings the RA's token type rules recognise;
 *   - a token pulled out of its reader and put back (a marker file the test writes): the slot
 *     shows no token, and the sessions opened before are gone for good, login included.
 * Configuration and design: docs/token-emulator.md.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <p11-kit/pkcs11.h>

#define EXPORT __attribute__((visibility("default")))

enum token_kind { KIND_OTHER, KIND_IKEY, KIND_EZSIGN };
enum button_mode { BUTTON_DELAY, BUTTON_TRIGGER };

#define LIST_MAX 1024
#define STATE_DIR_MAX 512
/* Bytes of token memory one certificate slot stands for in the reported free/total memory. */
#define CERT_SLOT_BYTES 4096UL

struct config {
  char module[PATH_MAX];
  char state_dir[STATE_DIR_MAX];
  /* Comma-separated label prefixes (case-insensitive) or exact serials. */
  char ikey[LIST_MAX];
  char ezsign[LIST_MAX];
  enum button_mode button;
  long button_delay_ms;
  long button_timeout_ms;
  long keygen_delay_ms;
  long max_pin_tries;
  long ikey_capacity;
  long ezsign_capacity;
};

struct token {
  enum token_kind kind;
  char serial[17];
  char label[33];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct config cfg;
static struct timespec cfg_file_mtime;
static ino_t cfg_file_ino;
static char cfg_file_path[PATH_MAX];
static void *real_handle;
static CK_FUNCTION_LIST_PTR real;
static CK_FUNCTION_LIST emulated;

static void warn(const char *format, ...) {
  va_list args;
  va_start(args, format);
  fputs("token-emulator: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
}

/* ── configuration: defaults, then the environment, then TOKEN_EMULATOR_CONFIG (re-read when it changes) ── */

static void set_string(char *target, size_t size, const char *value) {
  snprintf(target, size, "%s", value);
}

static void set_option(struct config *c, const char *key, const char *value) {
  if (strcmp(key, "TOKEN_EMULATOR_MODULE") == 0) set_string(c->module, sizeof c->module, value);
  else if (strcmp(key, "TOKEN_EMULATOR_STATE_DIR") == 0) set_string(c->state_dir, sizeof c->state_dir, value);
  else if (strcmp(key, "TOKEN_EMULATOR_IKEY") == 0) set_string(c->ikey, sizeof c->ikey, value);
  else if (strcmp(key, "TOKEN_EMULATOR_EZSIGN") == 0) set_string(c->ezsign, sizeof c->ezsign, value);
  else if (strcmp(key, "TOKEN_EMULATOR_BUTTON") == 0) c->button = strcmp(value, "trigger") == 0 ? BUTTON_TRIGGER : BUTTON_DELAY;
  else if (strcmp(key, "TOKEN_EMULATOR_BUTTON_DELAY_MS") == 0) c->button_delay_ms = atol(value);
  else if (strcmp(key, "TOKEN_EMULATOR_BUTTON_TIMEOUT_MS") == 0) c->button_timeout_ms = atol(value);
  else if (strcmp(key, "TOKEN_EMULATOR_KEYGEN_DELAY_MS") == 0) c->keygen_delay_ms = atol(value);
  else if (strcmp(key, "TOKEN_EMULATOR_MAX_PIN_TRIES") == 0) c->max_pin_tries = atol(value);
  else if (strcmp(key, "TOKEN_EMULATOR_IKEY_CAPACITY") == 0) c->ikey_capacity = atol(value);
  else if (strcmp(key, "TOKEN_EMULATOR_EZSIGN_CAPACITY") == 0) c->ezsign_capacity = atol(value);
}

static const char *const OPTION_NAMES[] = {
    "TOKEN_EMULATOR_MODULE",          "TOKEN_EMULATOR_STATE_DIR",         "TOKEN_EMULATOR_IKEY",
    "TOKEN_EMULATOR_EZSIGN",          "TOKEN_EMULATOR_BUTTON",            "TOKEN_EMULATOR_BUTTON_DELAY_MS",
    "TOKEN_EMULATOR_BUTTON_TIMEOUT_MS", "TOKEN_EMULATOR_MAX_PIN_TRIES", "TOKEN_EMULATOR_IKEY_CAPACITY",
    "TOKEN_EMULATOR_EZSIGN_CAPACITY", "TOKEN_EMULATOR_KEYGEN_DELAY_MS",
};

static void read_config_file(struct config *c, const char *path) {
  FILE *file = fopen(path, "r");
  if (!file) return;
  char line[LIST_MAX + 64];
  while (fgets(line, sizeof line, file)) {
    line[strcspn(line, "\r\n")] = '\0';
    char *eq = strchr(line, '=');
    if (line[0] == '#' || !eq) continue;
    *eq = '\0';
    set_option(c, line, eq + 1);
  }
  fclose(file);
}

/* Caller holds `lock`. Cheap enough for every call: one stat() when a config file is named. */
static void refresh_config(void) {
  const char *file = getenv("TOKEN_EMULATOR_CONFIG");
  struct stat st;
  int has_file = file && *file && stat(file, &st) == 0;
  static int loaded;
  /* The helper replaces the file by rename: a new inode is a change even within one mtime tick. */
  if (loaded && (has_file ? strcmp(file, cfg_file_path) == 0 && st.st_ino == cfg_file_ino &&
                                st.st_mtim.tv_sec == cfg_file_mtime.tv_sec && st.st_mtim.tv_nsec == cfg_file_mtime.tv_nsec
                          : cfg_file_path[0] == '\0'))
    return;
  struct config c = {
      .module = "/usr/lib/softhsm/libsofthsm2.so",
      .state_dir = "/tmp/token-emulator",
      .ikey = "iKey",
      .ezsign = "ezSign",
      .button = BUTTON_DELAY,
      .button_delay_ms = 1000,
      .button_timeout_ms = 30000,
      .max_pin_tries = 10,
      .ikey_capacity = 6,
      .ezsign_capacity = 4,
  };
  for (size_t i = 0; i < sizeof OPTION_NAMES / sizeof OPTION_NAMES[0]; i++) {
    const char *value = getenv(OPTION_NAMES[i]);
    if (value && *value) set_option(&c, OPTION_NAMES[i], value);
  }
  cfg_file_path[0] = '\0';
  if (has_file) {
    read_config_file(&c, file);
    cfg_file_mtime = st.st_mtim;
    cfg_file_ino = st.st_ino;
    set_string(cfg_file_path, sizeof cfg_file_path, file);
  }
  if (c.max_pin_tries < 1) c.max_pin_tries = 1;
  cfg = c;
  loaded = 1;
}

static struct config current_config(void) {
  pthread_mutex_lock(&lock);
  refresh_config();
  struct config c = cfg;
  pthread_mutex_unlock(&lock);
  return c;
}

/* ── which token is it ── */

static void trim_copy(char *target, const unsigned char *padded, size_t size) {
  size_t n = size;
  while (n > 0 && (padded[n - 1] == ' ' || padded[n - 1] == '\0')) n--;
  memcpy(target, padded, n);
  target[n] = '\0';
}

static void pad_copy(unsigned char *target, const char *value, size_t size) {
  size_t n = strlen(value);
  if (n > size) n = size;
  memset(target, ' ', size);
  memcpy(target, value, n);
}

static int listed(const char *list, const struct token *t) {
  char copy[LIST_MAX];
  set_string(copy, sizeof copy, list);
  char *save = NULL;
  for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    while (*item == ' ') item++;
    if (!*item) continue;
    if (strcmp(item, t->serial) == 0 || strncasecmp(item, t->label, strlen(item)) == 0) return 1;
  }
  return 0;
}

static enum token_kind kind_of(const struct config *c, const struct token *t) {
  if (!t->serial[0]) return KIND_OTHER;
  if (listed(c->ezsign, t)) return KIND_EZSIGN;
  if (listed(c->ikey, t)) return KIND_IKEY;
  return KIND_OTHER;
}

static CK_RV token_of_slot(const struct config *c, CK_SLOT_ID slot, struct token *t, CK_TOKEN_INFO *info_out) {
  CK_TOKEN_INFO info;
  CK_RV rv = real->C_GetTokenInfo(slot, &info);
  if (rv != CKR_OK) return rv;
  trim_copy(t->serial, info.serialNumber, sizeof info.serialNumber);
  trim_copy(t->label, info.label, sizeof info.label);
  t->kind = (info.flags & CKF_TOKEN_INITIALIZED) ? kind_of(c, t) : KIND_OTHER;
  if (info_out) *info_out = info;
  return CKR_OK;
}

static CK_RV token_of_session(const struct config *c, CK_SESSION_HANDLE session, struct token *t, CK_SESSION_INFO *info_out) {
  CK_SESSION_INFO info;
  CK_RV rv = real->C_GetSessionInfo(session, &info);
  if (rv != CKR_OK) return rv;
  if (info_out) *info_out = info;
  return token_of_slot(c, info.slotID, t, NULL);
}

/* ── the wrong-PIN counter: one small file per token serial, locked with flock across processes ── */

/* Serials name files: one that could leave the state folder is not a token this emulator keeps state for. */
static int state_path(const struct config *c, const char *serial, const char *suffix, char *path, size_t size) {
  if (!serial[0] || serial[0] == '.' || strchr(serial, '/')) return 0;
  mkdir(c->state_dir, 0700);
  return snprintf(path, size, "%s/%s%s", c->state_dir, serial, suffix) < (int)size;
}

/* Applies `change` (-1: reset to 0, +1: one more wrong PIN, 0: read) and returns the count after it. */
static long update_tries(const struct config *c, const char *serial, int change) {
  char path[PATH_MAX];
  if (!state_path(c, serial, ".tries", path, sizeof path)) return 0;
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    warn("cannot open %s: %s", path, strerror(errno));
    return 0;
  }
  flock(fd, LOCK_EX);
  char buffer[32] = {0};
  ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
  long tries = n > 0 ? atol(buffer) : 0;
  if (change != 0) {
    tries = change < 0 ? 0 : tries + 1;
    int len = snprintf(buffer, sizeof buffer, "%ld\n", tries);
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buffer, (size_t)len, 0) != len) warn("cannot write %s", path);
  }
  flock(fd, LOCK_UN);
  close(fd);
  return tries;
}

/* ── certificate capacity ── */

static long capacity_of(const struct config *c, enum token_kind kind) {
  return kind == KIND_IKEY ? c->ikey_capacity : kind == KIND_EZSIGN ? c->ezsign_capacity : -1;
}

/*
 * Certificates that take a place on the token: every certificate token object except the CA
 * certificates of the chain (CKA_CERTIFICATE_CATEGORY 2), so that the RA writing a chain never
 * costs the customer one of their 6 / 4 places. Counted in a session of our own, so a search the
 * caller has open in its session is not disturbed.
 */
static CK_RV count_certificates(CK_SLOT_ID slot, long *count) {
  CK_SESSION_HANDLE session;
  CK_RV rv = real->C_OpenSession(slot, CKF_SERIAL_SESSION, NULL, NULL, &session);
  if (rv != CKR_OK) return rv;
  CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
  CK_BBOOL yes = CK_TRUE;
  CK_ATTRIBUTE query[] = {{CKA_CLASS, &cls, sizeof cls}, {CKA_TOKEN, &yes, sizeof yes}};
  *count = 0;
  rv = real->C_FindObjectsInit(session, query, 2);
  if (rv == CKR_OK) {
    CK_OBJECT_HANDLE found[32];
    CK_ULONG n = 0;
    while ((rv = real->C_FindObjects(session, found, 32, &n)) == CKR_OK && n > 0) {
      for (CK_ULONG i = 0; i < n; i++) {
        CK_ULONG category = 0;
        CK_ATTRIBUTE attr = {CKA_CERTIFICATE_CATEGORY, &category, sizeof category};
        if (real->C_GetAttributeValue(session, found[i], &attr, 1) != CKR_OK) category = 0;
        if (category != 2) (*count)++;
      }
    }
    real->C_FindObjectsFinal(session);
  }
  real->C_CloseSession(session);
  return rv;
}

static const CK_ATTRIBUTE *find_attribute(const CK_ATTRIBUTE *template, CK_ULONG count, CK_ATTRIBUTE_TYPE type) {
  for (CK_ULONG i = 0; i < count; i++)
    if (template[i].type == type && template[i].pValue) return &template[i];
  return NULL;
}

static CK_ULONG ulong_attribute(const CK_ATTRIBUTE *a, CK_ULONG fallback) {
  return a && a->ulValueLen == sizeof(CK_ULONG) ? *(const CK_ULONG *)a->pValue : fallback;
}

static int takes_certificate_place(const CK_ATTRIBUTE *template, CK_ULONG count) {
  const CK_ATTRIBUTE *token = find_attribute(template, count, CKA_TOKEN);
  return ulong_attribute(find_attribute(template, count, CKA_CLASS), CKO_DATA) == CKO_CERTIFICATE &&
         token && token->ulValueLen == 1 && *(const CK_BBOOL *)token->pValue &&
         ulong_attribute(find_attribute(template, count, CKA_CERTIFICATE_CATEGORY), 0) != 2;
}

/* ── the ezSign button ── */

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

/*
 * Waits for the confirm button of an ezSign. In delay mode the "customer" presses after the
 * configured delay (a delay at or beyond the timeout, or negative, means nobody presses). In
 * trigger mode the test presses by creating <state dir>/<serial>.press, which this consumes; a
 * press made before the prompt counts, so a test need not race the prompt. While waiting,
 * <serial>.waiting exists so a test or demo can see the token asking.
 */
static CK_RV wait_for_button(const struct config *c, const struct token *t) {
  char waiting[PATH_MAX], press[PATH_MAX];
  if (!state_path(c, t->serial, ".waiting", waiting, sizeof waiting) ||
      !state_path(c, t->serial, ".press", press, sizeof press))
    return CKR_GENERAL_ERROR;
  int fd = open(waiting, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0) close(fd);
  CK_RV rv = CKR_FUNCTION_CANCELED;
  if (c->button == BUTTON_DELAY) {
    int pressed = c->button_delay_ms >= 0 && c->button_delay_ms < c->button_timeout_ms;
    sleep_ms(pressed ? c->button_delay_ms : c->button_timeout_ms);
    if (pressed) rv = CKR_OK;
  } else {
    for (long waited = 0;; waited += 20) {
      if (unlink(press) == 0) {
        rv = CKR_OK;
        break;
      }
      if (waited >= c->button_timeout_ms) break;
      sleep_ms(20);
    }
  }
  unlink(waiting);
  return rv;
}

static int user_logged_in(const CK_SESSION_INFO *s) {
  return s->state == CKS_RO_USER_FUNCTIONS || s->state == CKS_RW_USER_FUNCTIONS;
}

/* Whether an operation in `session` must wait for the button: an ezSign with the user logged in. */
static CK_RV needs_button(CK_SESSION_HANDLE session, struct config *c, struct token *t, int *needed) {
  CK_SESSION_INFO info;
  *c = current_config();
  CK_RV rv = token_of_session(c, session, t, &info);
  *needed = rv == CKR_OK && t->kind == KIND_EZSIGN && user_logged_in(&info);
  return rv;
}

/* ── a token pulled out of its reader: <state dir>/<serial>.removed ── */

/*
 * SoftHSM finds its tokens once, when it is initialised, so a running process would never see a
 * token go. The marker file makes the slot look empty instead. Sessions are tracked here because a
 * real token loses them (and the login) when pulled out, and they stay lost when it comes back.
 * <serial>.removals counts removals (the helper writes it), so a process that made no call while
 * the marker existed still finds its older sessions gone.
 */
#define TRACKED_MAX 1024

struct tracked_session {
  CK_SESSION_HANDLE handle; /* 0: a free entry */
  CK_SLOT_ID slot;
  char serial[17];
  long removals; /* the token's removal count when the session was opened */
  int dead;
};

static pthread_mutex_t session_lock = PTHREAD_MUTEX_INITIALIZER;
static struct tracked_session tracked[TRACKED_MAX];
static size_t tracked_used;

static int is_removed(const struct config *c, const char *serial) {
  char path[PATH_MAX];
  return state_path(c, serial, ".removed", path, sizeof path) && access(path, F_OK) == 0;
}

static long removal_count(const struct config *c, const char *serial) {
  char path[PATH_MAX];
  if (!state_path(c, serial, ".removals", path, sizeof path)) return 0;
  FILE *file = fopen(path, "r");
  if (!file) return 0;
  long n = 0;
  if (fscanf(file, "%ld", &n) != 1) n = 0;
  fclose(file);
  return n;
}

/* The serial of the token in `slot`, or "" when the slot holds none SoftHSM knows. */
static void serial_of_slot(CK_SLOT_ID slot, char serial[17]) {
  CK_TOKEN_INFO info;
  serial[0] = '\0';
  if (real->C_GetTokenInfo(slot, &info) == CKR_OK) trim_copy(serial, info.serialNumber, sizeof info.serialNumber);
}

static struct tracked_session *find_tracked(CK_SESSION_HANDLE session) {
  for (size_t i = 0; i < tracked_used; i++)
    if (tracked[i].handle == session) return &tracked[i];
  return NULL;
}

/*
 * Caller holds session_lock. Ends the slot's sessions opened before the removal count `removals`
 * (every one when `all`), and the login with them: SoftHSM keeps one login per token, so logging
 * out of one of its sessions logs out all. The real sessions stay open until the caller closes
 * them, so SoftHSM cannot hand their handles to someone else meanwhile.
 */
static void pull_out(CK_SLOT_ID slot, long removals, int all) {
  int logged_out = 0;
  for (size_t i = 0; i < tracked_used; i++) {
    struct tracked_session *s = &tracked[i];
    if (!s->handle || s->dead || s->slot != slot || (!all && s->removals == removals)) continue;
    s->dead = 1;
    if (!logged_out) real->C_Logout(s->handle);
    logged_out = 1;
  }
}

/* Whether the token in `slot` is pulled out; if so its sessions end now, not at their next call. */
static int slot_removed(const struct config *c, CK_SLOT_ID slot) {
  char serial[17];
  serial_of_slot(slot, serial);
  if (!is_removed(c, serial)) return 0;
  pthread_mutex_lock(&session_lock);
  pull_out(slot, 0, 1);
  pthread_mutex_unlock(&session_lock);
  return 1;
}

/* CKR_DEVICE_REMOVED for a session whose token was pulled out since it was opened. */
static CK_RV session_alive(CK_SESSION_HANDLE session) {
  struct config c = current_config();
  pthread_mutex_lock(&session_lock);
  struct tracked_session *s = find_tracked(session);
  CK_RV rv = CKR_OK;
  if (s && !s->dead) {
    int removed = is_removed(&c, s->serial);
    long removals = removal_count(&c, s->serial);
    if (removed || removals != s->removals) pull_out(s->slot, removals, removed);
  }
  if (s && s->dead) rv = CKR_DEVICE_REMOVED;
  pthread_mutex_unlock(&session_lock);
  return rv;
}

static void track(CK_SESSION_HANDLE session, CK_SLOT_ID slot, const char *serial, long removals) {
  struct tracked_session *s = find_tracked(session);
  if (!s) s = find_tracked(0);
  if (!s && tracked_used < TRACKED_MAX) s = &tracked[tracked_used++];
  if (!s) {
    warn("more than %d open sessions: session %lu is not tracked for token removal", TRACKED_MAX,
         (unsigned long)session);
    return;
  }
  *s = (struct tracked_session){.handle = session, .slot = slot, .removals = removals};
  set_string(s->serial, sizeof s->serial, serial);
}

static CK_RV emu_GetSlotList(CK_BBOOL token_present, CK_SLOT_ID_PTR list, CK_ULONG_PTR count) {
  if (!token_present || !count) return real->C_GetSlotList(token_present, list, count);
  CK_ULONG n = 0;
  CK_SLOT_ID_PTR slots = NULL;
  CK_RV rv;
  /* Slots do not come and go in SoftHSM, but the two-call pattern is kept honest all the same. */
  do {
    free(slots);
    if ((rv = real->C_GetSlotList(CK_TRUE, NULL, &n)) != CKR_OK) return rv;
    slots = malloc((n ? n : 1) * sizeof *slots);
    if (!slots) return CKR_HOST_MEMORY;
  } while ((rv = real->C_GetSlotList(CK_TRUE, slots, &n)) == CKR_BUFFER_TOO_SMALL);
  if (rv != CKR_OK) {
    free(slots);
    return rv;
  }
  struct config c = current_config();
  CK_ULONG kept = 0;
  for (CK_ULONG i = 0; i < n; i++)
    if (!slot_removed(&c, slots[i])) slots[kept++] = slots[i];
  if (list && *count < kept) rv = CKR_BUFFER_TOO_SMALL;
  else if (list) memcpy(list, slots, kept * sizeof *slots);
  *count = kept;
  free(slots);
  return rv;
}

static CK_RV emu_OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR application, CK_NOTIFY notify,
                             CK_SESSION_HANDLE_PTR session) {
  struct config c = current_config();
  char serial[17];
  serial_of_slot(slot, serial);
  if (!serial[0]) return real->C_OpenSession(slot, flags, application, notify, session);
  if (slot_removed(&c, slot)) return CKR_TOKEN_NOT_PRESENT;
  long removals = removal_count(&c, serial);
  pthread_mutex_lock(&session_lock);
  /* Put back since this process last looked: the old sessions and their login go before a new one starts. */
  pull_out(slot, removals, 0);
  CK_RV rv = real->C_OpenSession(slot, flags, application, notify, session);
  if (rv == CKR_OK) track(*session, slot, serial, removals);
  pthread_mutex_unlock(&session_lock);
  return rv;
}

/* Closing a session that died with its token succeeds: the caller is only tidying up. */
static CK_RV emu_CloseSession(CK_SESSION_HANDLE session) {
  pthread_mutex_lock(&session_lock);
  struct tracked_session *s = find_tracked(session);
  if (s) s->handle = 0;
  pthread_mutex_unlock(&session_lock);
  return real->C_CloseSession(session);
}

static CK_RV emu_CloseAllSessions(CK_SLOT_ID slot) {
  pthread_mutex_lock(&session_lock);
  for (size_t i = 0; i < tracked_used; i++)
    if (tracked[i].handle && tracked[i].slot == slot) tracked[i].handle = 0;
  pthread_mutex_unlock(&session_lock);
  return real->C_CloseAllSessions(slot);
}

static CK_RV emu_GetMechanismList(CK_SLOT_ID slot, CK_MECHANISM_TYPE_PTR list, CK_ULONG_PTR count) {
  struct config c = current_config();
  return slot_removed(&c, slot) ? CKR_TOKEN_NOT_PRESENT : real->C_GetMechanismList(slot, list, count);
}

static CK_RV emu_GetMechanismInfo(CK_SLOT_ID slot, CK_MECHANISM_TYPE type, CK_MECHANISM_INFO_PTR info) {
  struct config c = current_config();
  return slot_removed(&c, slot) ? CKR_TOKEN_NOT_PRESENT : real->C_GetMechanismInfo(slot, type, info);
}

/*
 * Every call on a session first asks whether its token is still there. The wrapped function is the
 * emulator's own where it has one (PIN counter, capacity, button), else SoftHSM's.
 */
#define GUARD(name, params, args)                                 \
  static __typeof__(((CK_FUNCTION_LIST *)0)->C_##name) next_##name; \
  static CK_RV guard_##name params {                              \
    CK_RV rv = session_alive(session);                            \
    return rv == CKR_OK ? next_##name args : rv;                  \
  }

/*
 * The PKCS#11 functions that take a session, each with its parameters and the arguments passed on:
 * listed once, so that a function cannot get a guard that is never installed, or the other way round.
 */
#define SESSION_FUNCTIONS(X)                                                                                         \
  X(InitPIN, (CK_SESSION_HANDLE session, CK_BYTE_PTR pin, CK_ULONG pin_len), (session, pin, pin_len))                \
  X(SetPIN, (CK_SESSION_HANDLE session, CK_BYTE_PTR old_pin, CK_ULONG old_len, CK_BYTE_PTR new_pin,                  \
             CK_ULONG new_len),                                                                                      \
    (session, old_pin, old_len, new_pin, new_len))                                                                   \
  X(GetSessionInfo, (CK_SESSION_HANDLE session, CK_SESSION_INFO_PTR info), (session, info))                          \
  X(GetOperationState, (CK_SESSION_HANDLE session, CK_BYTE_PTR operation_state, CK_ULONG_PTR operation_state_len),   \
    (session, operation_state, operation_state_len))                                                                 \
  X(SetOperationState, (CK_SESSION_HANDLE session, CK_BYTE_PTR operation_state, CK_ULONG operation_state_len,        \
                        CK_OBJECT_HANDLE encryption_key, CK_OBJECT_HANDLE authentication_key),                       \
    (session, operation_state, operation_state_len, encryption_key, authentication_key))                             \
  X(Login, (CK_SESSION_HANDLE session, CK_USER_TYPE user_type, CK_BYTE_PTR pin, CK_ULONG pin_len),                   \
    (session, user_type, pin, pin_len))                                                                              \
  X(Logout, (CK_SESSION_HANDLE session), (session))                                                                  \
  X(CreateObject, (CK_SESSION_HANDLE session, CK_ATTRIBUTE_PTR templ, CK_ULONG count, CK_OBJECT_HANDLE *object),     \
    (session, templ, count, object))                                                                                 \
  X(CopyObject, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE_PTR templ, CK_ULONG count,         \
                 CK_OBJECT_HANDLE *new_object),                                                                      \
    (session, object, templ, count, new_object))                                                                     \
  X(DestroyObject, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object), (session, object))                          \
  X(GetObjectSize, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ULONG_PTR size), (session, object, size)) \
  X(GetAttributeValue, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE_PTR templ, CK_ULONG count), \
    (session, object, templ, count))                                                                                 \
  X(SetAttributeValue, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE_PTR templ, CK_ULONG count), \
    (session, object, templ, count))                                                                                 \
  X(FindObjectsInit, (CK_SESSION_HANDLE session, CK_ATTRIBUTE_PTR templ, CK_ULONG count), (session, templ, count))   \
  X(FindObjects, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE *object, CK_ULONG max_object_count,                    \
                  CK_ULONG_PTR object_count),                                                                        \
    (session, object, max_object_count, object_count))                                                               \
  X(FindObjectsFinal, (CK_SESSION_HANDLE session), (session))                                                        \
  X(EncryptInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),                      \
    (session, mechanism, key))                                                                                       \
  X(Encrypt, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR encrypted_data,            \
              CK_ULONG_PTR encrypted_data_len),                                                                      \
    (session, data, data_len, encrypted_data, encrypted_data_len))                                                   \
  X(EncryptUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR part, CK_ULONG part_len, CK_BYTE_PTR encrypted_part,      \
                    CK_ULONG_PTR encrypted_part_len),                                                                \
    (session, part, part_len, encrypted_part, encrypted_part_len))                                                   \
  X(EncryptFinal, (CK_SESSION_HANDLE session, CK_BYTE_PTR last_encrypted_part,                                       \
                   CK_ULONG_PTR last_encrypted_part_len),                                                            \
    (session, last_encrypted_part, last_encrypted_part_len))                                                         \
  X(DecryptInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),                      \
    (session, mechanism, key))                                                                                       \
  X(Decrypt, (CK_SESSION_HANDLE session, CK_BYTE_PTR encrypted_data, CK_ULONG encrypted_data_len, CK_BYTE_PTR data,  \
              CK_ULONG_PTR data_len),                                                                                \
    (session, encrypted_data, encrypted_data_len, data, data_len))                                                   \
  X(DecryptUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR encrypted_part, CK_ULONG encrypted_part_len,              \
                    CK_BYTE_PTR part, CK_ULONG_PTR part_len),                                                        \
    (session, encrypted_part, encrypted_part_len, part, part_len))                                                   \
  X(DecryptFinal, (CK_SESSION_HANDLE session, CK_BYTE_PTR last_part, CK_ULONG_PTR last_part_len),                    \
    (session, last_part, last_part_len))                                                                             \
  X(DigestInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism), (session, mechanism))                       \
  X(Digest, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR digest,                     \
             CK_ULONG_PTR digest_len),                                                                               \
    (session, data, data_len, digest, digest_len))                                                                   \
  X(DigestUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR part, CK_ULONG part_len), (session, part, part_len))       \
  X(DigestKey, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE key), (session, key))                                    \
  X(DigestFinal, (CK_SESSION_HANDLE session, CK_BYTE_PTR digest, CK_ULONG_PTR digest_len),                           \
    (session, digest, digest_len))                                                                                   \
  X(SignInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),                         \
    (session, mechanism, key))                                                                                       \
  X(Sign, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR signature,                    \
           CK_ULONG_PTR signature_len),                                                                              \
    (session, data, data_len, signature, signature_len))                                                             \
  X(SignUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR part, CK_ULONG part_len), (session, part, part_len))         \
  X(SignFinal, (CK_SESSION_HANDLE session, CK_BYTE_PTR signature, CK_ULONG_PTR signature_len),                       \
    (session, signature, signature_len))                                                                             \
  X(SignRecoverInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),                  \
    (session, mechanism, key))                                                                                       \
  X(SignRecover, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR signature,             \
                  CK_ULONG_PTR signature_len),                                                                       \
    (session, data, data_len, signature, signature_len))                                                             \
  X(VerifyInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),                       \
    (session, mechanism, key))                                                                                       \
  X(Verify, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR signature,                  \
             CK_ULONG signature_len),                                                                                \
    (session, data, data_len, signature, signature_len))                                                             \
  X(VerifyUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR part, CK_ULONG part_len), (session, part, part_len))       \
  X(VerifyFinal, (CK_SESSION_HANDLE session, CK_BYTE_PTR signature, CK_ULONG signature_len),                         \
    (session, signature, signature_len))                                                                             \
  X(VerifyRecoverInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),                \
    (session, mechanism, key))                                                                                       \
  X(VerifyRecover, (CK_SESSION_HANDLE session, CK_BYTE_PTR signature, CK_ULONG signature_len, CK_BYTE_PTR data,      \
                    CK_ULONG_PTR data_len),                                                                          \
    (session, signature, signature_len, data, data_len))                                                             \
  X(DigestEncryptUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR part, CK_ULONG part_len,                            \
                          CK_BYTE_PTR encrypted_part, CK_ULONG_PTR encrypted_part_len),                              \
    (session, part, part_len, encrypted_part, encrypted_part_len))                                                   \
  X(DecryptDigestUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR encrypted_part, CK_ULONG encrypted_part_len,        \
                          CK_BYTE_PTR part, CK_ULONG_PTR part_len),                                                  \
    (session, encrypted_part, encrypted_part_len, part, part_len))                                                   \
  X(SignEncryptUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR part, CK_ULONG part_len, CK_BYTE_PTR encrypted_part,  \
                        CK_ULONG_PTR encrypted_part_len),                                                            \
    (session, part, part_len, encrypted_part, encrypted_part_len))                                                   \
  X(DecryptVerifyUpdate, (CK_SESSION_HANDLE session, CK_BYTE_PTR encrypted_part, CK_ULONG encrypted_part_len,        \
                          CK_BYTE_PTR part, CK_ULONG_PTR part_len),                                                  \
    (session, encrypted_part, encrypted_part_len, part, part_len))                                                   \
  X(GenerateKey, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_ATTRIBUTE_PTR templ, CK_ULONG count,     \
                  CK_OBJECT_HANDLE *key),                                                                            \
    (session, mechanism, templ, count, key))                                                                         \
  X(GenerateKeyPair, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_ATTRIBUTE_PTR public_key_template,   \
                      CK_ULONG public_key_attribute_count, CK_ATTRIBUTE_PTR private_key_template,                    \
                      CK_ULONG private_key_attribute_count, CK_OBJECT_HANDLE *public_key,                            \
                      CK_OBJECT_HANDLE *private_key),                                                                \
    (session, mechanism, public_key_template, public_key_attribute_count, private_key_template,                      \
     private_key_attribute_count, public_key, private_key))                                                          \
  X(WrapKey, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE wrapping_key,                  \
              CK_OBJECT_HANDLE key, CK_BYTE_PTR wrapped_key, CK_ULONG_PTR wrapped_key_len),                          \
    (session, mechanism, wrapping_key, key, wrapped_key, wrapped_key_len))                                           \
  X(UnwrapKey, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE unwrapping_key,              \
                CK_BYTE_PTR wrapped_key, CK_ULONG wrapped_key_len, CK_ATTRIBUTE_PTR templ, CK_ULONG attribute_count, \
                CK_OBJECT_HANDLE *key),                                                                              \
    (session, mechanism, unwrapping_key, wrapped_key, wrapped_key_len, templ, attribute_count, key))                 \
  X(DeriveKey, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE base_key,                    \
                CK_ATTRIBUTE_PTR templ, CK_ULONG attribute_count, CK_OBJECT_HANDLE *key),                            \
    (session, mechanism, base_key, templ, attribute_count, key))                                                     \
  X(SeedRandom, (CK_SESSION_HANDLE session, CK_BYTE_PTR seed, CK_ULONG seed_len), (session, seed, seed_len))         \
  X(GenerateRandom, (CK_SESSION_HANDLE session, CK_BYTE_PTR random_data, CK_ULONG random_len),                       \
    (session, random_data, random_len))                                                                              \
  X(GetFunctionStatus, (CK_SESSION_HANDLE session), (session))                                                       \
  X(CancelFunction, (CK_SESSION_HANDLE session), (session))

SESSION_FUNCTIONS(GUARD)

static void guard_sessions(CK_FUNCTION_LIST *list) {
#define INSTALL(name, params, args) \
  next_##name = list->C_##name;     \
  list->C_##name = guard_##name;
  SESSION_FUNCTIONS(INSTALL)
#undef INSTALL
}

/* ── the overridden PKCS#11 functions ── */

static CK_RV emu_GetInfo(CK_INFO_PTR info) {
  CK_RV rv = real->C_GetInfo(info);
  if (rv == CKR_OK) {
    pad_copy(info->manufacturerID, "branch-ra token emulator", sizeof info->manufacturerID);
    pad_copy(info->libraryDescription, "iKey/ezSign emulator on SoftHSM", sizeof info->libraryDescription);
  }
  return rv;
}

static CK_RV emu_GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info) {
  CK_RV rv = real->C_GetSlotInfo(slot, info);
  if (rv != CKR_OK || !(info->flags & CKF_TOKEN_PRESENT)) return rv;
  struct config c = current_config();
  /* The reader stays; only its token is gone. */
  if (slot_removed(&c, slot)) info->flags &= ~(CK_FLAGS)CKF_TOKEN_PRESENT;
  struct token t;
  if (token_of_slot(&c, slot, &t, NULL) != CKR_OK || t.kind == KIND_OTHER) return rv;
  pad_copy(info->slotDescription, t.kind == KIND_IKEY ? "Emulated iKey reader" : "Emulated ezSign reader",
           sizeof info->slotDescription);
  pad_copy(info->manufacturerID, "branch-ra token emulator", sizeof info->manufacturerID);
  return rv;
}

static CK_RV emu_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
  struct config c = current_config();
  struct token t;
  CK_RV rv = token_of_slot(&c, slot, &t, info);
  if (rv == CKR_OK && slot_removed(&c, slot)) return CKR_TOKEN_NOT_PRESENT;
  if (rv != CKR_OK || t.kind == KIND_OTHER) return rv;
  if (t.kind == KIND_IKEY) {
    pad_copy(info->manufacturerID, "SafeNet, Inc. (emulated)", sizeof info->manufacturerID);
    pad_copy(info->model, "iKey 2032", sizeof info->model);
  } else {
    pad_copy(info->manufacturerID, "ezSign (emulated)", sizeof info->manufacturerID);
    pad_copy(info->model, "ezSign", sizeof info->model);
  }
  long tries = update_tries(&c, t.serial, 0);
  info->flags &= ~(CK_FLAGS)(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
  if (tries >= c.max_pin_tries) info->flags |= CKF_USER_PIN_LOCKED;
  else if (tries == c.max_pin_tries - 1) info->flags |= CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY;
  else if (tries > 0) info->flags |= CKF_USER_PIN_COUNT_LOW;
  long present = 0;
  long capacity = capacity_of(&c, t.kind);
  if (count_certificates(slot, &present) == CKR_OK) {
    info->ulTotalPublicMemory = (CK_ULONG)capacity * CERT_SLOT_BYTES;
    info->ulFreePublicMemory = present >= capacity ? 0 : (CK_ULONG)(capacity - present) * CERT_SLOT_BYTES;
  }
  return CKR_OK;
}

/* Counts a wrong user PIN; the try that reaches the limit is reported as CKR_PIN_LOCKED. */
static CK_RV after_user_pin(const struct config *c, const struct token *t, CK_RV rv) {
  if (rv == CKR_OK) update_tries(c, t->serial, -1);
  else if (rv == CKR_PIN_INCORRECT && update_tries(c, t->serial, +1) >= c->max_pin_tries) return CKR_PIN_LOCKED;
  return rv;
}

static CK_RV emu_Login(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG pin_len) {
  struct config c = current_config();
  struct token t;
  if (user != CKU_USER || token_of_session(&c, session, &t, NULL) != CKR_OK || t.kind == KIND_OTHER)
    return real->C_Login(session, user, pin, pin_len);
  if (update_tries(&c, t.serial, 0) >= c.max_pin_tries) return CKR_PIN_LOCKED;
  return after_user_pin(&c, &t, real->C_Login(session, user, pin, pin_len));
}

static CK_RV emu_SetPIN(CK_SESSION_HANDLE session, CK_UTF8CHAR_PTR old_pin, CK_ULONG old_len, CK_UTF8CHAR_PTR new_pin,
                        CK_ULONG new_len) {
  struct config c = current_config();
  struct token t;
  CK_SESSION_INFO info;
  if (token_of_session(&c, session, &t, &info) != CKR_OK || t.kind == KIND_OTHER || info.state == CKS_RW_SO_FUNCTIONS)
    return real->C_SetPIN(session, old_pin, old_len, new_pin, new_len);
  if (update_tries(&c, t.serial, 0) >= c.max_pin_tries) return CKR_PIN_LOCKED;
  return after_user_pin(&c, &t, real->C_SetPIN(session, old_pin, old_len, new_pin, new_len));
}

/* The security officer setting a new user PIN is how a locked token is unlocked. */
static CK_RV emu_InitPIN(CK_SESSION_HANDLE session, CK_UTF8CHAR_PTR pin, CK_ULONG pin_len) {
  CK_RV rv = real->C_InitPIN(session, pin, pin_len);
  struct config c = current_config();
  struct token t;
  if (rv == CKR_OK && token_of_session(&c, session, &t, NULL) == CKR_OK && t.serial[0]) update_tries(&c, t.serial, -1);
  return rv;
}

static CK_RV emu_InitToken(CK_SLOT_ID slot, CK_UTF8CHAR_PTR so_pin, CK_ULONG so_len, CK_UTF8CHAR_PTR label) {
  struct config c = current_config();
  struct token before = {0}, after = {0};
  if (slot_removed(&c, slot)) return CKR_TOKEN_NOT_PRESENT;
  token_of_slot(&c, slot, &before, NULL);
  CK_RV rv = real->C_InitToken(slot, so_pin, so_len, label);
  if (rv == CKR_OK && token_of_slot(&c, slot, &after, NULL) == CKR_OK) {
    if (before.serial[0]) update_tries(&c, before.serial, -1);
    if (after.serial[0]) update_tries(&c, after.serial, -1);
  }
  return rv;
}

/*
 * Creates (`source` 0) or copies a certificate that takes a place, when the token has one left.
 * Held under one lock across count and write, so two writers in this process cannot both take
 * the last place.
 */
static CK_RV with_certificate_place(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE source, CK_ATTRIBUTE_PTR template,
                                    CK_ULONG count, CK_OBJECT_HANDLE_PTR object) {
  struct config c = current_config();
  struct token t;
  CK_SESSION_INFO info;
  CK_RV rv = token_of_session(&c, session, &t, &info);
  if (rv == CKR_OK && t.kind != KIND_OTHER) {
    static pthread_mutex_t place_lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&place_lock);
    long present = 0;
    rv = count_certificates(info.slotID, &present);
    if (rv == CKR_OK && present >= capacity_of(&c, t.kind)) rv = CKR_DEVICE_MEMORY;
    if (rv == CKR_OK)
      rv = source != CK_INVALID_HANDLE ? real->C_CopyObject(session, source, template, count, object)
                  : real->C_CreateObject(session, template, count, object);
    pthread_mutex_unlock(&place_lock);
    return rv;
  }
  return source != CK_INVALID_HANDLE ? real->C_CopyObject(session, source, template, count, object)
                : real->C_CreateObject(session, template, count, object);
}

static CK_RV emu_CreateObject(CK_SESSION_HANDLE session, CK_ATTRIBUTE_PTR template, CK_ULONG count,
                              CK_OBJECT_HANDLE_PTR object) {
  if (!takes_certificate_place(template, count)) return real->C_CreateObject(session, template, count, object);
  return with_certificate_place(session, CK_INVALID_HANDLE, template, count, object);
}

/* A copy that lands on the token as a customer certificate takes a place like a new one. */
static CK_RV emu_CopyObject(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE source, CK_ATTRIBUTE_PTR template,
                            CK_ULONG count, CK_OBJECT_HANDLE_PTR object) {
  CK_OBJECT_CLASS cls = CKO_DATA;
  CK_BBOOL on_token = CK_FALSE;
  CK_ULONG category = 0;
  CK_ATTRIBUTE attrs[] = {{CKA_CLASS, &cls, sizeof cls},
                          {CKA_TOKEN, &on_token, sizeof on_token},
                          {CKA_CERTIFICATE_CATEGORY, &category, sizeof category}};
  real->C_GetAttributeValue(session, source, attrs, 3);
  const CK_ATTRIBUTE *token = template ? find_attribute(template, count, CKA_TOKEN) : NULL;
  if (token && token->ulValueLen == 1) on_token = *(const CK_BBOOL *)token->pValue;
  if (!takes_certificate_place(attrs, 3)) return real->C_CopyObject(session, source, template, count, object);
  return with_certificate_place(session, source, template, count, object);
}

/*
 * Nothing reaches the real token before the press, so a timed-out generation leaves no key behind.
 * TOKEN_EMULATOR_KEYGEN_DELAY_MS makes an emulated token as slow as a real one (a demo's progress
 * screen), SoftHSM being far faster.
 */
static CK_RV emu_GenerateKeyPair(CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_ATTRIBUTE_PTR public_template,
                                 CK_ULONG public_count, CK_ATTRIBUTE_PTR private_template, CK_ULONG private_count,
                                 CK_OBJECT_HANDLE_PTR public_key, CK_OBJECT_HANDLE_PTR private_key) {
  struct config c;
  struct token t = {.kind = KIND_OTHER};
  int needed;
  if (needs_button(session, &c, &t, &needed) == CKR_OK && needed) {
    CK_RV rv = wait_for_button(&c, &t);
    if (rv != CKR_OK) return rv;
  }
  if (t.kind != KIND_OTHER && c.keygen_delay_ms > 0) sleep_ms(c.keygen_delay_ms);
  return real->C_GenerateKeyPair(session, mechanism, public_template, public_count, private_template, private_count,
                                 public_key, private_key);
}

/*
 * A failed C_Sign / C_SignFinal ends the signing operation (PKCS#11 v2.40 §5.12), so on a timeout
 * the real operation is finished into a scratch buffer that is wiped and dropped.
 */
static void abandon_signature(CK_RV (*finish)(CK_SESSION_HANDLE, CK_BYTE_PTR, CK_ULONG, CK_BYTE_PTR, CK_ULONG_PTR),
                              CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_ULONG needed) {
  CK_BYTE_PTR scratch = malloc(needed ? needed : 1);
  if (!scratch) return;
  CK_ULONG len = needed;
  finish(session, data, data_len, scratch, &len);
  memset(scratch, 0, needed);
  free(scratch);
}

static CK_RV sign_final_adapter(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR out,
                                CK_ULONG_PTR out_len) {
  (void)data;
  (void)data_len;
  return real->C_SignFinal(session, out, out_len);
}

static CK_RV sign_adapter(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR out,
                          CK_ULONG_PTR out_len) {
  return real->C_Sign(session, data, data_len, out, out_len);
}

/* The button is asked for only by the call that produces the signature, not by a length query. */
static CK_RV sign_with_button(CK_RV (*finish)(CK_SESSION_HANDLE, CK_BYTE_PTR, CK_ULONG, CK_BYTE_PTR, CK_ULONG_PTR),
                              CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR signature,
                              CK_ULONG_PTR signature_len) {
  struct config c;
  struct token t;
  int needed;
  if (!signature || !signature_len || needs_button(session, &c, &t, &needed) != CKR_OK || !needed)
    return finish(session, data, data_len, signature, signature_len);
  CK_ULONG required = 0;
  CK_RV rv = finish(session, data, data_len, NULL, &required);
  if (rv != CKR_OK || *signature_len < required) return finish(session, data, data_len, signature, signature_len);
  rv = wait_for_button(&c, &t);
  if (rv == CKR_OK) return finish(session, data, data_len, signature, signature_len);
  abandon_signature(finish, session, data, data_len, required);
  return rv;
}

static CK_RV emu_Sign(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG data_len, CK_BYTE_PTR signature,
                      CK_ULONG_PTR signature_len) {
  return sign_with_button(sign_adapter, session, data, data_len, signature, signature_len);
}

static CK_RV emu_SignFinal(CK_SESSION_HANDLE session, CK_BYTE_PTR signature, CK_ULONG_PTR signature_len) {
  return sign_with_button(sign_final_adapter, session, NULL, 0, signature, signature_len);
}

static CK_RV emu_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list);

/* ── loading the real module ── */

static CK_RV load_real(void) {
  pthread_mutex_lock(&lock);
  CK_RV rv = CKR_OK;
  if (!real) {
    refresh_config();
    real_handle = dlopen(cfg.module, RTLD_NOW | RTLD_LOCAL);
    CK_C_GetFunctionList get = real_handle ? (CK_C_GetFunctionList)dlsym(real_handle, "C_GetFunctionList") : NULL;
    CK_FUNCTION_LIST_PTR list = NULL;
    if (!get || get(&list) != CKR_OK || !list) {
      warn("cannot load the real PKCS#11 module %s (TOKEN_EMULATOR_MODULE): %s", cfg.module,
           real_handle ? "no C_GetFunctionList" : dlerror());
      rv = CKR_GENERAL_ERROR;
    } else {
      real = list;
      emulated = *list;
      emulated.C_GetFunctionList = emu_GetFunctionList;
      emulated.C_GetInfo = emu_GetInfo;
      emulated.C_GetSlotInfo = emu_GetSlotInfo;
      emulated.C_GetTokenInfo = emu_GetTokenInfo;
      emulated.C_Login = emu_Login;
      emulated.C_SetPIN = emu_SetPIN;
      emulated.C_InitPIN = emu_InitPIN;
      emulated.C_InitToken = emu_InitToken;
      emulated.C_CreateObject = emu_CreateObject;
      emulated.C_CopyObject = emu_CopyObject;
      emulated.C_GenerateKeyPair = emu_GenerateKeyPair;
      emulated.C_Sign = emu_Sign;
      emulated.C_SignFinal = emu_SignFinal;
      emulated.C_GetSlotList = emu_GetSlotList;
      emulated.C_OpenSession = emu_OpenSession;
      emulated.C_CloseSession = emu_CloseSession;
      emulated.C_CloseAllSessions = emu_CloseAllSessions;
      emulated.C_GetMechanismList = emu_GetMechanismList;
      emulated.C_GetMechanismInfo = emu_GetMechanismInfo;
      guard_sessions(&emulated);
    }
  }
  pthread_mutex_unlock(&lock);
  return rv;
}

static CK_RV emu_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
  if (!list) return CKR_ARGUMENTS_BAD;
  CK_RV rv = load_real();
  if (rv == CKR_OK) *list = &emulated;
  return rv;
}

EXPORT CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
  return emu_GetFunctionList(list);
}
