// SPDX-License-Identifier: GPL-2.0
/*
 * Stand-in for kernel/bpf/memalloc.c (the API of the kernel's own
 * include/linux/bpf_mem_alloc.h).  What the storage code depends on is kept:
 *  - per-CPU free lists: an object freed with bpf_mem_cache_free() is
 *    reused by the next allocation on that CPU immediately, no grace period
 *    (that is what "reuse_now" means for task and cgroup storage);
 *  - above a high watermark, surplus objects go back to the slab only after
 *    an RCU Tasks Trace grace period (then a normal one), like free_bulk();
 *  - bpf_mem_cache_raw_free() frees straight to the slab, no cache needed;
 *  - a header in front of each object (the kernel's llist node) naming the
 *    allocator, so freeing into the wrong allocator is reported.
 * Like the kernel's, objects are zeroed when they come from the slab, not
 * when they are reused from a free list.
 * Not modelled: the asynchronous irq_work refill.  An empty cache allocates
 * from the slab at once, so allocation fails only by slab fault injection.
 */
#include <linux/kernel.h>
#include <linux/bpf_mem_alloc.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_trace.h>

#define MA_HDR		64	/* keeps objects cache-line aligned */
#define MA_MAGIC	0xb9f3a110c0ffeeULL
#define MA_HIGH		32

struct ma_hdr {
	u64 magic;
	struct bpf_mem_alloc *ma;
	struct ma_hdr *next;		/* free-list link while cached */
	struct rcu_head rcu;
};

struct bpf_mem_cache {
	struct ma_hdr *free;
	int free_cnt;
	int unit_size;
};

static struct ma_hdr *hdr_of(void *obj)
{
	struct ma_hdr *h = obj - MA_HDR;

	if (h->magic != MA_MAGIC)
		sim_bug(__FILE__, __LINE__, "bpf_mem free of a pointer it did not allocate");
	return h;
}

int bpf_mem_alloc_init(struct bpf_mem_alloc *ma, int size, bool percpu)
{
	memset(ma, 0, sizeof(*ma));
	if (percpu || size <= 0)
		return -EINVAL;
	ma->cache = alloc_percpu(struct bpf_mem_cache);
	if (!ma->cache)
		return -ENOMEM;
	{
		int cpu;

		for_each_possible_cpu(cpu)
			per_cpu_ptr(ma->cache, cpu)->unit_size = size;
	}
	return 0;
}

static void free_hdr_rcu(struct rcu_head *rcu)
{
	kfree(container_of(rcu, struct ma_hdr, rcu));
}

static void free_hdr_trace_rcu(struct rcu_head *rcu)
{
	/* rcu_trace_implies_rcu_gp(): the normal grace period is included */
	free_hdr_rcu(rcu);
}

void bpf_mem_alloc_destroy(struct bpf_mem_alloc *ma)
{
	int cpu;

	if (!ma->cache)
		return;
	for_each_possible_cpu(cpu) {
		struct bpf_mem_cache *c = per_cpu_ptr(ma->cache, cpu);

		while (c->free) {
			struct ma_hdr *h = c->free;

			c->free = h->next;
			h->magic = 0;
			kfree(h);
		}
		c->free_cnt = 0;
	}
	free_percpu(ma->cache);
	ma->cache = NULL;
}

static void *unit_alloc(struct bpf_mem_alloc *ma, gfp_t flags)
{
	struct bpf_mem_cache *c;
	struct ma_hdr *h;
	unsigned long irqflags;
	int size;

	local_irq_save(irqflags);
	c = this_cpu_ptr(ma->cache);
	size = c->unit_size;
	h = c->free;
	if (h) {
		c->free = h->next;
		c->free_cnt--;
	}
	local_irq_restore(irqflags);
	if (!h) {
		/* fresh objects are zeroed, as __alloc() does; reused ones are not */
		h = kzalloc(MA_HDR + size, flags);
		if (!h)
			return NULL;
	}
	h->magic = MA_MAGIC;
	h->ma = ma;
	h->next = NULL;
	return (void *)h + MA_HDR;
}

static void unit_free(struct bpf_mem_alloc *ma, void *ptr)
{
	struct ma_hdr *h = hdr_of(ptr), *surplus = NULL;
	struct bpf_mem_cache *c;
	unsigned long irqflags;

	if (h->ma != ma)
		sim_warn(__FILE__, __LINE__, "object freed into a different bpf_mem_alloc");
	local_irq_save(irqflags);
	c = this_cpu_ptr(ma->cache);
	h->next = c->free;
	c->free = h;
	if (++c->free_cnt > MA_HIGH) {
		surplus = c->free;
		c->free = surplus->next;
		c->free_cnt--;
	}
	local_irq_restore(irqflags);
	if (surplus) {
		surplus->magic = 0;
		call_rcu_tasks_trace(&surplus->rcu, free_hdr_trace_rcu);
	}
}

void *bpf_mem_cache_alloc(struct bpf_mem_alloc *ma)
{
	return unit_alloc(ma, GFP_NOWAIT);
}

void *bpf_mem_cache_alloc_flags(struct bpf_mem_alloc *ma, gfp_t flags)
{
	return unit_alloc(ma, flags == GFP_KERNEL ? GFP_KERNEL : GFP_NOWAIT);
}

void bpf_mem_cache_free(struct bpf_mem_alloc *ma, void *ptr)
{
	if (ptr)
		unit_free(ma, ptr);
}

void bpf_mem_cache_raw_free(void *ptr)
{
	struct ma_hdr *h;

	if (!ptr)
		return;
	h = hdr_of(ptr);
	h->magic = 0;
	kfree(h);
}

static void cache_free_rcu(struct rcu_head *rcu)
{
	struct ma_hdr *h = container_of(rcu, struct ma_hdr, rcu);

	h->magic = 0;
	kfree(h);
}

void bpf_mem_cache_free_rcu(struct bpf_mem_alloc *ma, void *ptr)
{
	if (ptr)
		call_rcu(&hdr_of(ptr)->rcu, cache_free_rcu);
}

void *bpf_mem_alloc(struct bpf_mem_alloc *ma, size_t size)
{
	struct ma_hdr *h = kmalloc(MA_HDR + size, GFP_NOWAIT);

	if (!h)
		return NULL;
	h->magic = MA_MAGIC;
	h->ma = ma;
	return (void *)h + MA_HDR;
}

void bpf_mem_free(struct bpf_mem_alloc *ma, void *ptr)
{
	bpf_mem_cache_raw_free(ptr);
}

void bpf_mem_free_rcu(struct bpf_mem_alloc *ma, void *ptr)
{
	bpf_mem_cache_free_rcu(ma, ptr);
}
