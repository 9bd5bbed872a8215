/*
 * blocks.c - memory in blocks, freed at once (crmroi/blocks.h).
 */
#include "crmroi/blocks.h"

#include <stdlib.h>
#include <string.h>

struct crm_block {
	struct crm_block *next;
	size_t used, cap;
	max_align_t data[];
};

void *crm_blocks_alloc(crm_block **head, size_t n, size_t align)
{
	crm_block *b = *head;

	if (b) {
		size_t at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->cap && b->cap - at >= n) {
			b->used = at + n;
			return (char *)b->data + at;
		}
	}
	int own = n > CRM_BLOCK_BYTES / 4;
	size_t cap = own ? n : CRM_BLOCK_BYTES;
	crm_block *nb = malloc(sizeof *nb + cap);
	if (!nb)
		return NULL;
	nb->used = n;
	nb->cap = cap;
	if (own && b) {
		nb->next = b->next;
		b->next = nb;
	} else {
		nb->next = b;
		*head = nb;
	}
	return nb->data;
}

char *crm_blocks_strdup(crm_block **head, const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = crm_blocks_alloc(head, n, 1);

	if (d)
		memcpy(d, s, n);
	return d;
}

void crm_blocks_free(crm_block **head)
{
	while (*head) {
		crm_block *b = *head;
		*head = b->next;
		free(b);
	}
}
