// SPDX-License-Identifier: GPL-2.0
/*
 * The parts of kernel/bpf/syscall.c, helpers.c and btf.c the storage code
 * relies on, reimplemented with the same semantics:
 *  - map creation in map_create()'s order: alloc_check, alloc, fill the
 *    generic fields, record of special fields, check_btf;
 *  - map references: the last bpf_map_put() frees the map from the kworker
 *    (bpf_map_free_in_work()); map_free() may sleep there;
 *  - map values with special fields: copy_map_value() skips them,
 *    copy_map_value_locked() holds the value's bpf_spin_lock,
 *    bpf_obj_free_fields() releases kptrs (kfree'd objects here).
 * Plus the few BTF/iterator entry points that only need to exist.
 */
#include <linux/kernel.h>
#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <shim/kern.h>

static atomic_long_t maps_live;
static atomic_long_t kptrs_live;
static atomic_t next_map_id = ATOMIC_INIT(1);

/* btf ids are only compared by the verifier: any values do */
u32 btf_tracing_ids[MAX_BTF_TRACING_TYPE];
u32 btf_sock_ids[MAX_BTF_SOCK_TYPE];
u32 bpf_cgroup_btf_id[1];
DEFINE_PER_CPU(int, bpf_prog_active);

void bpf_map_init_from_attr(struct bpf_map *map, union bpf_attr *attr)
{
	map->map_type = attr->map_type;
	map->key_size = attr->key_size;
	map->value_size = attr->value_size;
	map->max_entries = attr->max_entries;
	map->map_flags = attr->map_flags;
	map->numa_node = NUMA_NO_NODE;
	map->map_extra = attr->map_extra;
}

void *bpf_map_area_alloc(u64 size, int numa_node)
{
	return kzalloc(size, GFP_KERNEL);
}

void bpf_map_area_free(void *base)
{
	kvfree(base);
}

void *bpf_map_kmalloc_node(const struct bpf_map *map, size_t size, gfp_t flags, int node)
{
	return kmalloc(size, flags);
}

void *bpf_map_kzalloc(const struct bpf_map *map, size_t size, gfp_t flags)
{
	return kzalloc(size, flags);
}

void *bpf_map_kvcalloc(struct bpf_map *map, size_t n, size_t size, gfp_t flags)
{
	return kvcalloc(n, size, flags);
}

bool bpf_map_meta_equal(const struct bpf_map *meta0, const struct bpf_map *meta1)
{
	return meta0->max_entries == meta1->max_entries &&
	       meta0->map_type == meta1->map_type &&
	       meta0->key_size == meta1->key_size &&
	       meta0->value_size == meta1->value_size &&
	       meta0->map_flags == meta1->map_flags;
}

static void bpf_map_free_deferred(struct work_struct *work)
{
	struct bpf_map *map = container_of(work, struct bpf_map, work);
	struct btf_record *rec = map->record;

	map->ops->map_free(map);
	kfree(rec);
	atomic_long_dec(&maps_live);
}

void bpf_map_inc(struct bpf_map *map)
{
	atomic64_inc(&map->refcnt);
}

void bpf_map_inc_with_uref(struct bpf_map *map)
{
	atomic64_inc(&map->refcnt);
	atomic64_inc(&map->usercnt);
}

struct bpf_map *bpf_map_inc_not_zero(struct bpf_map *map)
{
	if (!atomic64_fetch_add_unless(&map->refcnt, 1, 0))
		return ERR_PTR(-ENOENT);
	return map;
}

void bpf_map_put(struct bpf_map *map)
{
	if (atomic64_dec_and_test(&map->refcnt)) {
		INIT_WORK(&map->work, bpf_map_free_deferred);
		queue_work(system_wq, &map->work);
	}
}

void bpf_map_put_with_uref(struct bpf_map *map)
{
	atomic64_dec(&map->usercnt);
	bpf_map_put(map);
}

void shim_map_fd_release(struct bpf_map *map)
{
	bpf_map_put_with_uref(map);
}

static struct bpf_map *__bpf_map_get(u32 ufd)
{
	struct file *f = shim_fget(ufd);

	if (!f)
		return ERR_PTR(-EBADF);
	if (f->kind != SHIM_FILE_MAP)
		return ERR_PTR(-EINVAL);
	return f->private_data;
}

struct bpf_map *bpf_map_get(u32 ufd)
{
	struct bpf_map *map = __bpf_map_get(ufd);

	if (!IS_ERR(map))
		bpf_map_inc(map);
	return map;
}

struct bpf_map *bpf_map_get_with_uref(u32 ufd)
{
	struct bpf_map *map = __bpf_map_get(ufd);

	if (!IS_ERR(map))
		bpf_map_inc_with_uref(map);
	return map;
}

/* a BTF "int" key type, as bpf_local_storage_map_check_btf() wants */
static const struct {
	struct btf_type t;
	u32 int_data;
} key_btf = {
	.t = { .info = BTF_KIND_INT << 24, .size = 4 },
	.int_data = (BTF_INT_SIGNED << 24) | 32,	/* encoding, offset 0, 32 bits */
};

struct bpf_map *shim_map_create(const struct bpf_map_ops *ops,
				enum bpf_map_type type, u32 value_size,
				u32 map_flags,
				const struct shim_value_field *fields, int nr_fields)
{
	union bpf_attr attr = {
		.map_type = type,
		.key_size = sizeof(int),
		.value_size = value_size,
		.max_entries = 0,
		.map_flags = map_flags,
		.btf_key_type_id = 1,
		.btf_value_type_id = 2,
	};
	struct btf_record *rec = NULL;
	struct bpf_map *map;
	int err, i;

	err = ops->map_alloc_check ? ops->map_alloc_check(&attr) : 0;
	if (err)
		return ERR_PTR(err);
	map = ops->map_alloc(&attr);
	if (IS_ERR(map))
		return map;
	map->ops = ops;
	map->map_type = type;
	map->id = atomic_inc_return(&next_map_id);
	atomic64_set(&map->refcnt, 1);
	atomic64_set(&map->usercnt, 1);
	atomic_long_inc(&maps_live);

	if (nr_fields) {
		rec = kzalloc(struct_size(rec, fields, nr_fields), GFP_KERNEL);
		if (!rec)
			BUG();
		rec->spin_lock_off = -EINVAL;
		rec->timer_off = -EINVAL;
		rec->wq_off = -EINVAL;
		rec->refcount_off = -EINVAL;
		for (i = 0; i < nr_fields; i++) {
			struct btf_field *f = &rec->fields[rec->cnt++];

			f->type = fields[i].type;
			f->offset = fields[i].offset;
			f->size = f->type == BPF_SPIN_LOCK ? sizeof(struct bpf_spin_lock) :
							     sizeof(void *);
			rec->field_mask |= f->type;
			if (f->type == BPF_SPIN_LOCK)
				rec->spin_lock_off = f->offset;
			if (f->offset + f->size > value_size)
				BUG();
		}
		map->record = rec;
	}
	err = ops->map_check_btf(map, NULL, &key_btf.t, NULL);
	if (err) {
		bpf_map_put(map);
		return ERR_PTR(err);
	}
	return map;
}

void shim_map_release(struct bpf_map *map)
{
	bpf_map_put_with_uref(map);
}

void shim_map_release_now(struct bpf_map *map)
{
	atomic64_dec(&map->usercnt);
	if (atomic64_dec_and_test(&map->refcnt))
		bpf_map_free_deferred(&map->work);
}

long shim_maps_live(void)
{
	return atomic_long_read(&maps_live);
}

/* ---- map values ---- */

static void bpf_spin_lock_acquire(struct bpf_spin_lock *lock)
{
	while (__atomic_exchange_n(&lock->val, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
}

static void bpf_spin_lock_release(struct bpf_spin_lock *lock)
{
	__atomic_store_n(&lock->val, 0, __ATOMIC_RELEASE);
}

/* bpf_obj_memcpy(): copy all bytes except the special fields */
void copy_map_value(struct bpf_map *map, void *dst, void *src)
{
	const struct btf_record *rec = map->record;
	u32 curr = 0, i;

	if (IS_ERR_OR_NULL(rec)) {
		memcpy(dst, src, map->value_size);
		return;
	}
	for (i = 0; i < rec->cnt; i++) {
		u32 off = rec->fields[i].offset;

		memcpy(dst + curr, src + curr, off - curr);
		curr = off + rec->fields[i].size;
	}
	memcpy(dst + curr, src + curr, map->value_size - curr);
}

void copy_map_value_locked(struct bpf_map *map, void *dst, void *src, bool lock_src)
{
	struct bpf_spin_lock *lock;
	unsigned long flags;

	if (lock_src)
		lock = src + map->record->spin_lock_off;
	else
		lock = dst + map->record->spin_lock_off;
	preempt_disable();
	local_irq_save(flags);
	bpf_spin_lock_acquire(lock);
	copy_map_value(map, dst, src);
	bpf_spin_lock_release(lock);
	local_irq_restore(flags);
	preempt_enable();
}

void check_and_init_map_value(struct bpf_map *map, void *dst)
{
	const struct btf_record *rec = map->record;
	u32 i;

	if (IS_ERR_OR_NULL(rec))
		return;
	for (i = 0; i < rec->cnt; i++)
		memset(dst + rec->fields[i].offset, 0, rec->fields[i].size);
}

void *shim_kptr_new(void)
{
	void *p = kzalloc(32, GFP_KERNEL);

	if (p)
		atomic_long_inc(&kptrs_live);
	return p;
}

/* Release a kptr nobody else will free (a test reaping a leaked value). */
void shim_kptr_put(void *p)
{
	if (p) {
		atomic_long_dec(&kptrs_live);
		kfree(p);
	}
}

long shim_kptr_live(void)
{
	return atomic_long_read(&kptrs_live);
}

void bpf_obj_free_fields(const struct btf_record *rec, void *obj)
{
	u32 i;

	if (IS_ERR_OR_NULL(rec))
		return;
	for (i = 0; i < rec->cnt; i++) {
		const struct btf_field *field = &rec->fields[i];
		void *field_ptr = obj + field->offset;
		void *xchgd;

		switch (field->type) {
		case BPF_SPIN_LOCK:
			break;
		case BPF_KPTR_REF:
			xchgd = xchg((void **)field_ptr, NULL);
			if (xchgd) {
				atomic_long_dec(&kptrs_live);
				kfree(xchgd);
			}
			break;
		default:
			WARN_ON_ONCE(1);
		}
	}
}

/* ---- BTF, iterators: referenced, never decisive here ---- */

const struct btf *bpf_get_btf_vmlinux(void)
{
	return NULL;
}

const struct btf_type *btf_type_by_id(const struct btf *btf, u32 type_id)
{
	return NULL;
}

const char *btf_name_by_offset(const struct btf *btf, u32 offset)
{
	return "";
}

static const struct bpf_iter_reg *iter_targets[4];

int bpf_iter_reg_target(const struct bpf_iter_reg *reg_info)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(iter_targets); i++) {
		if (!iter_targets[i]) {
			iter_targets[i] = reg_info;
			return 0;
		}
	}
	return -ENOMEM;
}

struct bpf_prog *bpf_iter_get_info(struct bpf_iter_meta *meta, bool in_stop)
{
	return NULL;
}

int bpf_iter_run_prog(struct bpf_prog *prog, void *ctx)
{
	return 0;
}

void bpf_iter_map_show_fdinfo(const struct bpf_iter_aux_info *aux, struct seq_file *seq)
{
}

int bpf_iter_map_fill_link_info(const struct bpf_iter_aux_info *aux, struct bpf_link_info *info)
{
	return 0;
}

