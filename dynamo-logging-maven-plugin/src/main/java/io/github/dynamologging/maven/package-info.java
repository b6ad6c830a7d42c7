/**
 * The {@code record-call-sites} goal: rewrites each SLF4J logging call in the application's compiled classes
 * so that the call's source file and line are known at run time without a stack walk. What it does and how to
 * use it is in {@code docs/output.md} ("file / line").
 */
package io.github.dynamologging.maven;
