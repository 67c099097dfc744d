// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line attribute writers of lib/nlattr.c used by sk storage
 * diag, on the flat buffer of the net/netlink.h stand-in: -EMSGSIZE when the
 * attribute does not fit, as the kernel returns.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <net/netlink.h>

struct nlattr *nla_reserve(struct sk_buff *skb, int attrtype, int attrlen)
{
	struct nlattr *nla;

	if (skb->size - skb->len < nla_total_size(attrlen))
		return NULL;
	nla = (struct nlattr *)skb_tail_pointer(skb);
	nla->nla_type = attrtype;
	nla->nla_len = nla_attr_size(attrlen);
	memset((unsigned char *)nla + nla->nla_len, 0, nla_total_size(attrlen) - nla->nla_len);
	skb->len += nla_total_size(attrlen);
	return nla;
}

struct nlattr *nla_reserve_64bit(struct sk_buff *skb, int attrtype, int attrlen, int padattr)
{
	return nla_reserve(skb, attrtype, attrlen);
}

int nla_put(struct sk_buff *skb, int attrtype, int attrlen, const void *data)
{
	struct nlattr *nla = nla_reserve(skb, attrtype, attrlen);

	if (!nla)
		return -EMSGSIZE;
	if (attrlen)
		memcpy(nla_data(nla), data, attrlen);
	return 0;
}
