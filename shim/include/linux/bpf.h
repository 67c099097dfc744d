/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/bpf.h, trimmed to what the BPF local storage
 * code, its users and its tests reference.
 *
 * Three kinds of content, as in tools/testing/vma:
 *  - DUP:    declarations duplicated from 6.12 include/linux/bpf.h; member
 *            names and types must be kept in sync with the kernel.
 *  - CUSTOM: the map life cycle (create, refcount, free) and the special
 *            field handling are real implementations in kern/bpf.c, with
 *            the kernel's semantics, so leaks and double frees show.
 *  - STUB:   verifier/BTF/iterator glue that the storage code only
 *            references, with no effect on its behaviour.
 */
#ifndef _LINUX_BPF_H
#define _LINUX_BPF_H 1

#include <uapi/linux/bpf.h>
#include <uapi/linux/btf.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_trace.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <linux/capability.h>
#include <linux/percpu-refcount.h>
#include <linux/cgroup.h>
#include <linux/file.h>
#include <linux/seq_file.h>
#include <linux/btf.h>
#include <linux/module.h>
#include <linux/completion.h>
#include <linux/timekeeping.h>
#include <linux/hardirq.h>
#include <linux/bits.h>

struct bpf_local_storage;
struct bpf_local_storage_map;
struct btf;
struct btf_type;
struct bpf_prog;
struct bpf_iter_aux_info;
struct seq_file;
struct sock;
struct file;
struct cgroup;
struct seq_operations;

#define BPF_BASE_TYPE_BITS	8

/* ---- DUP: special fields in map values ---- */
enum btf_field_type {
	BPF_SPIN_LOCK  = (1 << 0),
	BPF_TIMER      = (1 << 1),
	BPF_KPTR_UNREF = (1 << 2),
	BPF_KPTR_REF   = (1 << 3),
	BPF_KPTR_PERCPU = (1 << 4),
	BPF_KPTR       = BPF_KPTR_UNREF | BPF_KPTR_REF | BPF_KPTR_PERCPU,
	BPF_LIST_HEAD  = (1 << 5),
	BPF_LIST_NODE  = (1 << 6),
	BPF_RB_ROOT    = (1 << 7),
	BPF_RB_NODE    = (1 << 8),
	BPF_GRAPH_NODE = BPF_RB_NODE | BPF_LIST_NODE,
	BPF_GRAPH_ROOT = BPF_RB_ROOT | BPF_LIST_HEAD,
	BPF_REFCOUNT   = (1 << 9),
	BPF_WORKQUEUE  = (1 << 10),
};

struct btf_field {
	u32 offset;
	u32 size;
	enum btf_field_type type;
};

struct btf_record {
	u32 cnt;
	u32 field_mask;
	int spin_lock_off;
	int timer_off;
	int wq_off;
	int refcount_off;
	struct btf_field fields[];
};

static inline bool btf_record_has_field(const struct btf_record *rec, enum btf_field_type type)
{
	if (IS_ERR_OR_NULL(rec))
		return false;
	return rec->field_mask & type;
}

/* ---- DUP: maps ---- */
struct bpf_map_ops {
	int (*map_alloc_check)(union bpf_attr *attr);
	struct bpf_map *(*map_alloc)(union bpf_attr *attr);
	void (*map_release)(struct bpf_map *map, struct file *map_file);
	void (*map_free)(struct bpf_map *map);
	int (*map_get_next_key)(struct bpf_map *map, void *key, void *next_key);
	void (*map_release_uref)(struct bpf_map *map);
	void *(*map_lookup_elem_sys_only)(struct bpf_map *map, void *key);
	void *(*map_lookup_elem)(struct bpf_map *map, void *key);
	long (*map_update_elem)(struct bpf_map *map, void *key, void *value, u64 flags);
	long (*map_delete_elem)(struct bpf_map *map, void *key);
	int (*map_check_btf)(const struct bpf_map *map,
			     const struct btf *btf,
			     const struct btf_type *key_type,
			     const struct btf_type *value_type);
	int (*map_local_storage_charge)(struct bpf_local_storage_map *smap,
					void *owner, u32 size);
	void (*map_local_storage_uncharge)(struct bpf_local_storage_map *smap,
					   void *owner, u32 size);
	struct bpf_local_storage __rcu ** (*map_owner_storage_ptr)(void *owner);
	bool (*map_meta_equal)(const struct bpf_map *meta0,
			       const struct bpf_map *meta1);
	u64 (*map_mem_usage)(const struct bpf_map *map);
	int *map_btf_id;
	const struct bpf_iter_seq_info *iter_seq_info;
};

struct bpf_map {
	const struct bpf_map_ops *ops;
	enum bpf_map_type map_type;
	u32 key_size;
	u32 value_size;
	u32 max_entries;
	u64 map_extra;
	u32 map_flags;
	u32 id;
	struct btf_record *record;
	int numa_node;
	u32 btf_key_type_id;
	u32 btf_value_type_id;
	u32 btf_vmlinux_value_type_id;
	struct btf *btf;
	char name[BPF_OBJ_NAME_LEN];
	atomic64_t refcnt;
	atomic64_t usercnt;
	struct work_struct work;
	bool free_after_mult_rcu_gp;
	bool free_after_rcu_gp;
};

/* ---- DUP: helper prototypes ---- */
enum bpf_type_flag {
	PTR_MAYBE_NULL		= BIT(0 + BPF_BASE_TYPE_BITS),
	MEM_RDONLY		= BIT(1 + BPF_BASE_TYPE_BITS),
};

enum bpf_arg_type {
	ARG_DONTCARE = 0,
	ARG_CONST_MAP_PTR,
	ARG_PTR_TO_MAP_KEY,
	ARG_PTR_TO_MAP_VALUE,
	ARG_PTR_TO_CTX,
	ARG_ANYTHING,
	ARG_PTR_TO_BTF_ID,
	ARG_PTR_TO_BTF_ID_SOCK_COMMON,
	__BPF_ARG_TYPE_MAX,
	ARG_PTR_TO_MAP_VALUE_OR_NULL	= PTR_MAYBE_NULL | ARG_PTR_TO_MAP_VALUE,
	ARG_PTR_TO_CTX_OR_NULL		= PTR_MAYBE_NULL | ARG_PTR_TO_CTX,
	ARG_PTR_TO_BTF_ID_OR_NULL	= PTR_MAYBE_NULL | ARG_PTR_TO_BTF_ID,
};

enum bpf_return_type {
	RET_INTEGER,
	RET_VOID,
	RET_PTR_TO_MAP_VALUE,
	__BPF_RET_TYPE_MAX,
	RET_PTR_TO_MAP_VALUE_OR_NULL	= PTR_MAYBE_NULL | RET_PTR_TO_MAP_VALUE,
};

enum bpf_reg_type {
	NOT_INIT = 0,
	PTR_TO_BTF_ID,
	PTR_TO_BUF,
	__BPF_REG_TYPE_MAX,
	PTR_TO_BTF_ID_OR_NULL	= PTR_MAYBE_NULL | PTR_TO_BTF_ID,
};

struct bpf_func_proto {
	u64 (*func)(u64 r1, u64 r2, u64 r3, u64 r4, u64 r5);
	bool gpl_only;
	bool pkt_access;
	bool might_sleep;
	bool allow_fastcall;
	enum bpf_return_type ret_type;
	union {
		struct {
			enum bpf_arg_type arg1_type;
			enum bpf_arg_type arg2_type;
			enum bpf_arg_type arg3_type;
			enum bpf_arg_type arg4_type;
			enum bpf_arg_type arg5_type;
		};
		enum bpf_arg_type arg_type[5];
	};
	union {
		struct {
			u32 *arg1_btf_id;
			u32 *arg2_btf_id;
			u32 *arg3_btf_id;
			u32 *arg4_btf_id;
			u32 *arg5_btf_id;
		};
		u32 *arg_btf_id[5];
	};
	int *ret_btf_id;
	bool (*allowed)(const struct bpf_prog *prog);
};

/* ---- STUB: programs (only the fields sk storage looks at) ---- */
struct bpf_prog_aux {
	const struct bpf_prog *dst_prog;
	u32 attach_btf_id;
	u32 max_rdwr_access;
};

struct bpf_prog {
	enum bpf_attach_type expected_attach_type;
	struct bpf_prog_aux *aux;
};

/* ---- STUB: iterators (bpf_sk_storage_map iterator registration) ---- */
struct bpf_iter_meta {
	__bpf_md_ptr(struct seq_file *, seq);
	u64 session_id;
	u64 seq_num;
};

struct bpf_iter_aux_info {
	struct bpf_map *map;
};

typedef int (*bpf_iter_init_seq_priv_t)(void *private_data, struct bpf_iter_aux_info *aux);
typedef void (*bpf_iter_fini_seq_priv_t)(void *private_data);
typedef int (*bpf_iter_attach_target_t)(struct bpf_prog *prog,
					union bpf_iter_link_info *linfo,
					struct bpf_iter_aux_info *aux);
typedef void (*bpf_iter_detach_target_t)(struct bpf_iter_aux_info *aux);
typedef void (*bpf_iter_show_fdinfo_t)(const struct bpf_iter_aux_info *aux,
				       struct seq_file *seq);
typedef int (*bpf_iter_fill_link_info_t)(const struct bpf_iter_aux_info *aux,
					 struct bpf_link_info *info);

struct bpf_iter_seq_info {
	const struct seq_operations *seq_ops;
	bpf_iter_init_seq_priv_t init_seq_private;
	bpf_iter_fini_seq_priv_t fini_seq_private;
	u32 seq_priv_size;
};

struct bpf_ctx_arg_aux {
	u32 offset;
	enum bpf_reg_type reg_type;
	u32 btf_id;
};

#define BPF_ITER_CTX_ARG_MAX 2
struct bpf_iter_reg {
	const char *target;
	bpf_iter_attach_target_t attach_target;
	bpf_iter_detach_target_t detach_target;
	bpf_iter_show_fdinfo_t show_fdinfo;
	bpf_iter_fill_link_info_t fill_link_info;
	u32 ctx_arg_info_size;
	u32 feature;
	struct bpf_ctx_arg_aux ctx_arg_info[BPF_ITER_CTX_ARG_MAX];
	const struct bpf_iter_seq_info *seq_info;
};

#define BPF_ITER_FUNC_PREFIX "bpf_iter_"
#define DEFINE_BPF_ITER_FUNC(target, args...)			\
	extern int bpf_iter_ ## target(args);			\
	int __init bpf_iter_ ## target(args) { return 0; }

int bpf_iter_reg_target(const struct bpf_iter_reg *reg_info);
struct bpf_prog *bpf_iter_get_info(struct bpf_iter_meta *meta, bool in_stop);
int bpf_iter_run_prog(struct bpf_prog *prog, void *ctx);
void bpf_iter_map_show_fdinfo(const struct bpf_iter_aux_info *aux, struct seq_file *seq);
int bpf_iter_map_fill_link_info(const struct bpf_iter_aux_info *aux, struct bpf_link_info *info);

/* ---- CUSTOM: map life cycle, kern/bpf.c ---- */
void bpf_map_init_from_attr(struct bpf_map *map, union bpf_attr *attr);
struct bpf_map *bpf_map_inc_not_zero(struct bpf_map *map);
void bpf_map_inc(struct bpf_map *map);
void bpf_map_inc_with_uref(struct bpf_map *map);
void bpf_map_put(struct bpf_map *map);
void bpf_map_put_with_uref(struct bpf_map *map);
struct bpf_map *bpf_map_get(u32 ufd);
struct bpf_map *bpf_map_get_with_uref(u32 ufd);
bool bpf_map_meta_equal(const struct bpf_map *meta0, const struct bpf_map *meta1);
void *bpf_map_area_alloc(u64 size, int numa_node);
void bpf_map_area_free(void *base);
void *bpf_map_kmalloc_node(const struct bpf_map *map, size_t size, gfp_t flags, int node);
void *bpf_map_kzalloc(const struct bpf_map *map, size_t size, gfp_t flags);
void *bpf_map_kvcalloc(struct bpf_map *map, size_t n, size_t size, gfp_t flags);

/* ---- CUSTOM: map values with special fields, kern/bpf.c ---- */
void copy_map_value(struct bpf_map *map, void *dst, void *src);
void copy_map_value_locked(struct bpf_map *map, void *dst, void *src, bool lock_src);
void bpf_obj_free_fields(const struct btf_record *rec, void *obj);
void check_and_init_map_value(struct bpf_map *map, void *dst);

static inline bool bpf_rcu_lock_held(void)
{
	return rcu_read_lock_held() || rcu_read_lock_trace_held() ||
	       rcu_read_lock_bh_held();
}

/* kernel/bpf: bpf_prog_active keeps tracing programs out during syscalls */
DECLARE_PER_CPU(int, bpf_prog_active);

static inline void bpf_disable_instrumentation(void)
{
	migrate_disable();
	this_cpu_inc(bpf_prog_active);
}

static inline void bpf_enable_instrumentation(void)
{
	this_cpu_dec(bpf_prog_active);
	migrate_enable();
}

static inline bool bpf_capable(void)
{
	return capable(CAP_BPF) || capable(CAP_SYS_ADMIN);
}

/* ---- STUB: BTF of vmlinux (only consulted for tracing programs) ---- */
const struct btf *bpf_get_btf_vmlinux(void);

/* ---- DUP: map ops of the storage types ---- */
extern const struct bpf_map_ops task_storage_map_ops;
extern const struct bpf_map_ops cgrp_storage_map_ops;
extern const struct bpf_map_ops inode_storage_map_ops;
extern const struct bpf_map_ops sk_storage_map_ops;

extern const struct bpf_func_proto bpf_task_storage_get_proto;
extern const struct bpf_func_proto bpf_task_storage_delete_proto;
extern const struct bpf_func_proto bpf_task_storage_get_recur_proto;
extern const struct bpf_func_proto bpf_task_storage_delete_recur_proto;
extern const struct bpf_func_proto bpf_cgrp_storage_get_proto;
extern const struct bpf_func_proto bpf_cgrp_storage_delete_proto;
extern const struct bpf_func_proto bpf_inode_storage_get_proto;
extern const struct bpf_func_proto bpf_inode_storage_delete_proto;
extern const struct bpf_func_proto bpf_sk_storage_get_proto;
extern const struct bpf_func_proto bpf_sk_storage_delete_proto;
extern const struct bpf_func_proto bpf_sk_storage_get_tracing_proto;
extern const struct bpf_func_proto bpf_sk_storage_delete_tracing_proto;
extern const struct bpf_func_proto bpf_sk_storage_get_cg_sock_proto;
extern const struct bpf_func_proto bpf_get_current_task_btf_proto;

void bpf_task_storage_free(struct task_struct *task);
void bpf_cgrp_storage_free(struct cgroup *cgroup);

#endif /* _LINUX_BPF_H */
