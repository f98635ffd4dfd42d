/**
 * Distributions of durations for workload keys ({@code {dist: exponential, mean: 2ms}}), drawn
 * through Commons RNG samplers (and Commons Math where a closed form is needed) from each vCPU's
 * own named stream, so the same seed gives the same numbers and streams do not interfere.
 */
package org.xensim.workload.dist;
