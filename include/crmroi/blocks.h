/*
 * crmroi/blocks.h - memory in blocks, freed at once: the many small pieces a
 * large file leaves (fields, names, labels, table cells) cost a few
 * allocations, not one each.
 *
 * Blocks of CRM_BLOCK_BYTES are filled in turn. A piece longer than a
 * quarter of that gets a block of its own, put behind the one being filled
 * so that its room is not lost. Nothing is freed on its own: crm_blocks_free
 * frees every block of a list.
 */
#ifndef CRMROI_BLOCKS_H
#define CRMROI_BLOCKS_H

#include <stddef.h>

#define CRM_BLOCK_BYTES ((size_t)64 * 1024)

/* A list of blocks; a NULL pointer is an empty list. */
typedef struct crm_block crm_block;

/*
 * n bytes from the list at *head, at a multiple of align (a power of two:
 * 1 for text, _Alignof the type for an array; at most that of max_align_t);
 * NULL when out of memory.
 */
void *crm_blocks_alloc(crm_block **head, size_t n, size_t align);
/* A copy of s in the list; NULL when out of memory. */
char *crm_blocks_strdup(crm_block **head, const char *s);
/* Free every block of the list; *head becomes NULL. */
void crm_blocks_free(crm_block **head);

#endif
