/*
 * test_blocks.c - memory in blocks (crmroi/blocks.h): every piece is where it
 * was put, whole, at the alignment asked for, whether it shares a block with
 * others or, being long, has one of its own between them.
 */
#include "testutil.h"

#include <stdint.h>
#include <stdlib.h>

#include "crmroi/blocks.h"

static void test_pieces_kept(void **state)
{
	enum { N = 20000 };
	crm_block *head = NULL;
	char **text = malloc(N * sizeof *text);
	double **nums = malloc(N * sizeof *nums);

	(void)state;
	assert_non_null(text);
	assert_non_null(nums);
	for (int i = 0; i < N; i++) {
		char s[32];
		/* Odd lengths between arrays of doubles, and now and then a long piece. */
		snprintf(s, sizeof s, "%.*s%d", i % 7, "abcdefg", i);
		assert_non_null(text[i] = crm_blocks_strdup(&head, s));
		size_t n = i % 1000 == 0 ? CRM_BLOCK_BYTES : 3;   /* 512 KB: a block of its own */
		assert_non_null(nums[i] = crm_blocks_alloc(&head, n * sizeof(double),
							    _Alignof(double)));
		assert_int_equal((uintptr_t)nums[i] % _Alignof(double), 0);
		for (size_t k = 0; k < n; k++)
			nums[i][k] = i + k / 4.0;
	}
	for (int i = 0; i < N; i++) {
		char s[32];
		snprintf(s, sizeof s, "%.*s%d", i % 7, "abcdefg", i);
		assert_string_equal(text[i], s);
		size_t n = i % 1000 == 0 ? CRM_BLOCK_BYTES : 3;
		for (size_t k = 0; k < n; k++)
			assert_true(nums[i][k] == i + k / 4.0);
	}
	crm_blocks_free(&head);
	assert_null(head);
	crm_blocks_free(&head);   /* an empty list */
	free(text);
	free(nums);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
