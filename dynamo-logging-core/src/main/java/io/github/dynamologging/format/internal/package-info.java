/**
 * The line formats' pieces the starter's other packages and modules share: field names, caller location,
 * the stack trace layout, lone-surrogate handling.
 * Not API: may change in any release; see {@code docs/project-layout.md} ("Public API").
 */
package io.github.dynamologging.format.internal;
