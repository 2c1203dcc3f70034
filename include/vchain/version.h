/*
 * vchain/version.h - the version of vchain, defined here only: the
 * Makefile reads it from this line (for vchain.pc and the tarball), the
 * program prints it, the exports and the report write it.
 */
#ifndef VCHAIN_VERSION_H
#define VCHAIN_VERSION_H

#define VC_VERSION_STRING "0.1.0"

#endif
