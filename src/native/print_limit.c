/* print_limit.c: gdb's `set print elements`: how many elements of an array (or characters of a
 * char array) a printed value shows. One setting for the whole debugger, as in gdb. */
#include "native/vars.h"

static unsigned print_elements = NAT_PRINT_ELEMENTS_DEFAULT;

void nat_set_print_elements(unsigned n)
{
	print_elements = n;
}

unsigned nat_print_elements(void)
{
	return print_elements;
}
