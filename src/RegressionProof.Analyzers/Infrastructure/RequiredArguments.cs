using System;

namespace RegressionProof.Analyzers.Infrastructure
{
    /// <summary>The named arguments each attribute requires (DESIGN §3).</summary>
    internal static class RequiredArguments
    {
        public const string Signal = "Signal";
        public const string Baseline = "Baseline";
        public const string Threshold = "Threshold";
        public const string Steps = "Steps";
        public const string RecordedOn = "RecordedOn";
        public const string AutomateBy = "AutomateBy";

        private static readonly string[] SignalOnly = { Signal };
        private static readonly string[] Panel = { Baseline, Threshold };
        private static readonly string[] Manual = { Steps, RecordedOn, AutomateBy };

        public static string[] Of(LinkKind kind) => kind switch
        {
            LinkKind.SyntheticProbe or LinkKind.RecurrenceAlert => SignalOnly,
            LinkKind.DashboardPanel => Panel,
            LinkKind.ManualVerification => Manual,
            _ => Array.Empty<string>(),
        };

        /// <summary>The argument's type as messages name it.</summary>
        public static string TypeOf(string argument) => argument == Signal ? "RecurrenceSignal" : "string";
    }
}
