/**
 * The claim audit: a published comparison encoded as {@link
 * dev.embedbench.costmodel.audit.ArticleClaims}, and every figure in it that can be derived more
 * than one way, derived each way, compared and given a verdict. Pure functions on the caller's
 * thread.
 */
package dev.embedbench.costmodel.audit;
