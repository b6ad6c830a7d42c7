/**
 * The per-thread record of the calls in progress, which the encoders and the starter's access line read.
 * Not API: may change in any release; see {@code docs/project-layout.md} ("Public API").
 */
package io.github.dynamologging.callsite.internal;
