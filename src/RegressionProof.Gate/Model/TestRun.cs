using System;
using System.Collections.Generic;

namespace RegressionProof.Gate.Model;

/// <summary>One test run as a result file records it, reduced to what the gate decides on.</summary>
/// <param name="Id">The run's own identity (a .trx run id); files without one are identified by their name.</param>
/// <param name="Time">When the run ran, by its own record; null when it does not say.</param>
/// <param name="Format">The format the file was recognised as, as messages name it ("TRX", "JUnit XML").</param>
internal sealed record TestRun(string Id, DateTimeOffset? Time, IReadOnlyList<TestOutcome> Outcomes, string Format = "TRX");
