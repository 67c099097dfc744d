/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One build of the BPF local storage code: "stock" (the 6.12 files as
 * released) or "patched" (the same files with the series applied).  Both
 * are linked into one binary; every global symbol of a variant is renamed
 * with its prefix ("stock__", "patched__"), so shared code reaches a variant
 * only through this table (kern/variant.c, compiled once per variant).
 */
#ifndef __SHIM_VARIANT_H
#define __SHIM_VARIANT_H

struct bpf_map_ops;
struct bpf_func_proto;
struct task_struct;
struct cgroup;
struct inode;
struct sock;
struct nlattr;
struct sk_buff;
struct bpf_sk_storage_diag;
struct bpf_local_storage;

struct shim_variant {
	const char *name;		/* "stock" or "patched" */
	const struct bpf_map_ops *task_ops, *cgrp_ops, *inode_ops, *sk_ops;
	const struct bpf_func_proto *task_get, *task_del;
	/* what tracing programs get (stock: the _recur trylock variants) */
	const struct bpf_func_proto *task_get_tracing, *task_del_tracing;
	const struct bpf_func_proto *cgrp_get, *cgrp_del;
	const struct bpf_func_proto *inode_get, *inode_del;
	const struct bpf_func_proto *sk_get, *sk_del;
	const struct bpf_func_proto *sk_get_tracing, *sk_del_tracing;
	void (*task_storage_free)(struct task_struct *task);
	void (*cgrp_storage_free)(struct cgroup *cgrp);
	void (*inode_storage_free)(struct inode *inode);
	void (*sk_storage_free)(struct sock *sk);
	int (*sk_storage_clone)(const struct sock *sk, struct sock *newsk);
	struct bpf_sk_storage_diag *(*sk_diag_alloc)(const struct nlattr *nla_stgs);
	void (*sk_diag_free)(struct bpf_sk_storage_diag *diag);
	int (*sk_diag_put)(struct bpf_sk_storage_diag *diag, struct sock *sk,
			   struct sk_buff *skb, int stg_array_type,
			   unsigned int *res_diag_size);
	/*
	 * Storage charge invariant of an sk (no tear-down running): returns
	 * 0 if sk_omem_alloc (and ls->mem_charge, where the variant has it)
	 * equals sizeof(storage) + the elem_size of each linked element
	 * (0 without storage), else -1; *charged gets sk_omem_alloc.
	 */
	int (*sk_charge_check)(struct sock *sk, long *charged);
	/*
	 * 0 if the storage's own record of its charge (ls->mem_charge, in
	 * variants that have it) is sizeof(storage) + the elem_size of each
	 * linked element, else -1; 0 for no storage.
	 */
	int (*storage_charge_check)(struct bpf_local_storage *ls);
	/* Number of elements linked to the owner's storage (0: none). */
	int (*storage_nr_elems)(struct bpf_local_storage *ls);
	/*
	 * What a tear-down leaks by design when it cannot take a lock (patched
	 * only: its elements record it in selem->state; NULL in stock).
	 * Check that the leftovers are in exactly the state that tear-down
	 * leaves them in and free them (kmalloc'ed sk storage only).
	 *  - destroy failing the storage lock: the storage @ls, still on the
	 *    list the elements destroy unlinked from their maps only;
	 *  - map_free failing the bucket lock: the element of @value,
	 *    unlinked from its storage only (special fields not freed).
	 * Return the number of elements freed, or -1 (nothing freed) if the
	 * state is not that; *why says what differs.
	 */
	int (*reap_destroy_leftovers)(struct bpf_local_storage *ls, const char **why);
	int (*reap_map_free_leftover)(void *value, const char **why);
};

/* kern/variant.c's "shim_variant_table", after renaming */
extern const struct shim_variant stock__shim_variant_table;
extern const struct shim_variant patched__shim_variant_table;

/* Variant that new owners (tasks, sockets, ...) and maps belong to. */
extern const struct shim_variant *shim_variant;

#endif /* __SHIM_VARIANT_H */
