/*
 * fuzz_graphml_read.c - libFuzzer target for the GraphML reader (the body
 * and the options byte: fuzz_xml.h).
 */
#include "fuzz_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_xml_read(data, size, vc_graphml_read, "fuzz.graphml");
}
