// distsys-lab's public API: every name a notebook, a lesson or a student uses, listed by hand.
// Anything not listed here is internal. The API report (etc/distsys-lab.api.md) shows every change.

// random/: randomness: seeded streams and distributions
export { bernoulli, categorical, constant, exponential, lognormal, lognormalFromMean, normal, pareto, sampler, uniform, weibull } from "./random/distributions";
export type { BernoulliDist, CategoricalDist, ConstantDist, Distribution, DistributionLike, ExponentialDist, LognormalDist, NormalDist, ParetoDist, Sampler, UniformDist, WeibullDist } from "./random/distributions";
export { describeDistribution, distMean, distVariance } from "./random/moments";
export { createRng, deriveSeed } from "./random/rng";
export type { Rng, Seed } from "./random/rng";

// sim/: the simulator: worlds of nodes, a faulty network, traces
export type { Message, NodeContext, NodeHandlers } from "./sim/context";
export { diffTraces } from "./sim/diff";
export type { TraceDiff } from "./sim/diff";
export type { RunOptions, StopReason } from "./sim/kernel";
export { MAX_WORLD_NODES } from "./sim/options";
export { FAULT_VERBS } from "./sim/fault-options";
export type { FaultEvent, FaultVerb, Intervention, LinkOptions, LinkSelector, NetworkOptions, WorldOptions } from "./sim/options";
export { DROP_REASONS, MESSAGE_FATES, TRACE_KINDS, Trace } from "./sim/trace";
export type { DropReason, MessageFate, MessageRow, RecordRow, TraceKind, TraceRow, TraceSummary } from "./sim/trace";
export { World, createWorld } from "./sim/world";

// stats/: experiments and statistics
export { explore } from "./check/explore";
export type { ExploreOptions, ExploreOutcome, ExploreResult } from "./check/explore";
export { ecdf, histogram } from "./stats/histogram";
export type { EcdfOptions, EcdfRow, HistogramOptions, HistogramRow } from "./stats/histogram";
export { monteCarlo, summarizeOutcomes } from "./stats/montecarlo";
export type { MonteCarloOptions, MonteCarloResults } from "./stats/montecarlo";
export { normalCdf, normalQuantile } from "./stats/normal";
export { startProgress } from "./stats/progress";
export type { Progress, ProgressExtra, ProgressMode, ProgressOptions } from "./stats/progress";
export { findRunSeed } from "./stats/seed-search";
export type { FindRunSeedOptions, FoundRun } from "./stats/seed-search";
export { meanCI, proportionRows, quantile, quantiles, wilson } from "./stats/stats";
export type { MeanInterval, ProportionInterval, ProportionRow, ProportionRowsOptions } from "./stats/stats";
export { studentTQuantile } from "./stats/studentt";
export { gridCells, sweep } from "./stats/sweep";
export type { SweepGrid, SweepOptions, SweepParams, SweepRow, SweepRunMeasures, SweepValue } from "./stats/sweep";

// protocols/: the protocols of the chapter, one file each
export { ackReplicationNodes, runAckReplication } from "./protocols/ack-replication";
export { CLIENT_SERVER_PROTOCOLS, SERVER_MEMORIES, clientServerNodes, runClientServer } from "./protocols/client-server";
export type { AckMessage, ClientServerMessage, ClientServerOptions, ClientServerProtocol, ClientServerResult, CommandMessage, ServerMemory } from "./protocols/client-server";
export type { ProtocolNodes, ProtocolRun } from "./protocols/protocol-run";
export { naiveTicketNodes, runNaiveTicket } from "./protocols/naive-ticket";
export type { NaiveTicketMessage, NaiveTicketOptions, NaiveTicketReply, NaiveTicketRequest } from "./protocols/naive-ticket";
export { paxosNodes, runPaxos } from "./protocols/paxos";
export type { PaxosMessage, PaxosOptions, PaxosReply, PaxosRequest, PaxosRunResult } from "./protocols/paxos";
export { multiPaxosNodes, runMultiPaxos } from "./protocols/multi-paxos";
export type { MultiPaxosResult } from "./protocols/multi-paxos";
export { largestTStore } from "./protocols/multi-paxos-options";
export type { ChooseStored, MultiPaxosAck, MultiPaxosMessage, MultiPaxosOptions, MultiPaxosRequest, MultiPaxosServerMessage, StoredEntry } from "./protocols/multi-paxos-options";
export { checkLogAgreement, NO_OP, replicatedLog } from "./protocols/multi-paxos-records";
export type { LogAgreement, MultiPaxosRecords, ReplicatedLog } from "./protocols/multi-paxos-records";
export { allUpProbability, binomialAtLeast, majoritySize, majorityUpProbability, quorumOverlap } from "./protocols/quorum";
export type { QuorumOverlapRow } from "./protocols/quorum";
export { applyScoreOp, lognormalFirstProbability, runScoreRace, scoreRaceLabel, scoreRaceNodes } from "./protocols/score-race";
export type { ScoreOp, ScoreRaceOptions, ScoreRaceResult } from "./protocols/score-race";
export { runSerializer, serializerNodes } from "./protocols/serializer";
export type { SerializerOptions } from "./protocols/serializer";
export type { ReplicationMessage, ReplicationOptions, ReplicationResult } from "./protocols/state-replication";
export { consensusLog } from "./protocols/ticket-records";
export type { ConsensusLog, TicketOutcome, TicketRecords } from "./protocols/ticket-records";
export type { TicketRunOptions, TicketRunResult } from "./protocols/ticket-runs";
export { runTwoGenerals } from "./protocols/two-generals";
export type { TwoGeneralsOptions, TwoGeneralsResult } from "./protocols/two-generals";
export type { TwoPhaseCommitMessage } from "./protocols/two-phase-commit-nodes";
export { runTwoPhaseCommit, twoPhaseCommitNodes } from "./protocols/two-phase-commit";
export type { ParticipantState, TwoPhaseCommitOptions, TwoPhaseCommitResult, TwoPhaseCommitVote } from "./protocols/two-phase-commit";
export type { CommitVoteOptions } from "./protocols/commit-votes";
export type { ThreePhaseCommitMessage, ThreePhaseCommitRecordDetails, ThreePhaseState } from "./protocols/three-phase-commit-nodes";
export { terminationDecision } from "./protocols/three-phase-commit-participant";
export { runThreePhaseCommit, threePhaseCommitNodes } from "./protocols/three-phase-commit";
export type { ThreePhaseCommitNodesOptions, ThreePhaseCommitOptions, ThreePhaseCommitResult } from "./protocols/three-phase-commit";
export type { TwoPhaseMessage } from "./protocols/two-phase-messages";
export { runTwoPhase, twoPhaseNodes } from "./protocols/two-phase";
export type { LockOrder, TwoPhaseOptions, TwoPhaseResult } from "./protocols/two-phase";

// properties/: invariants and fault schedules
export { checkConsensusSafety, fuzzPaxos, randomFaultSchedule } from "./properties/consensus";
export type { ConsensusSafety, PaxosFuzzRow, RandomFaultOptions } from "./properties/consensus";
export { fuzzMultiPaxos } from "./properties/replicated-log";
export type { FuzzMultiPaxosOptions, MultiPaxosFuzzRow } from "./properties/replicated-log";
export { DEFAULT_LADDER_SCHEDULE, LADDER_NODES, LADDER_PROPERTIES, LADDER_PROTOCOLS, ladderRates, protocolLadder, randomLadderSchedule } from "./properties/ladder";
export type { LadderOptions, LadderProperty, LadderProtocol, LadderRateRow, LadderRow, LadderRunView, LadderSchedule } from "./properties/ladder";
export { twoPhaseInvariants } from "./properties/two-phase-invariants";
export type { TwoPhaseInvariantReport } from "./properties/two-phase-invariants";

// failures/: failures at scale and the published data
export { clusterFailureTimes, clusterTimeline, simulateClusterFailures } from "./failures/cluster";
export type { ClusterFailureResult, ClusterFailureTimes, ClusterTimelineRow, SimulateClusterOptions } from "./failures/cluster";
export { annualizedFailureRate, failureIntervalAt, loadFailureData } from "./failures/data";
export type { FailureData, FailureFigure, FailureSource, LoadFailureDataOptions } from "./failures/data";
export type { ClusterFailureOptions } from "./failures/options";
export { deanFirstYearEvents, publishedFailureIntervals } from "./failures/published";
export type { DeanEventRow, PublishedIntervalOptions, PublishedIntervalRow } from "./failures/published";
export { expectedClusterFailures } from "./failures/renewal";
export type { ExpectedClusterFailures, ExpectedClusterOptions } from "./failures/renewal";
export { dataLossProbability, replicaUnavailability } from "./failures/replicas";
export type { DataLossOptions, DataLossRow, ReplicaRow, ReplicaUnavailabilityOptions } from "./failures/replicas";
export type { RepairPolicy } from "./failures/_markov";

// views/: traces as rows and text
export { payloadLabel, recordLabel } from "./views/labels";
export { replayRows } from "./views/replay-rows";
export type { ReplayRowsOptions, ReplaySeen, ReplayStateFn } from "./views/replay-rows";
export { sequenceRows } from "./views/sequence-rows";
export type { SequenceRowMessage, SequenceRows, SequenceRowsOptions } from "./views/sequence-rows";
export { timelineRows } from "./views/timeline-rows";
export type { TimelineInterval, TimelineRow, TimelineSpec } from "./views/timeline-rows";
export { traceDiagram } from "./views/trace-diagram";
export type { TraceDiagramOptions } from "./views/trace-diagram";
export { textTable, traceDiffLines, traceRowText } from "./views/trace-text";

// charts/: Vega-Lite chart builders
export { decadeDomain, withIntegerXAxis, withSecondaryYAxis } from "./charts/axes";
export type { SecondaryYAxisOptions } from "./charts/axes";
export { Chart } from "./charts/chart";
export type { VegaLiteSpec } from "./charts/chart";
export { withClosedFormTicks } from "./charts/closed-form-ticks";
export { dotPlotChart } from "./charts/dot-plot";
export type { DotPlotChartOptions } from "./charts/dot-plot";
export { ecdfChart } from "./charts/ecdf";
export type { EcdfChartOptions } from "./charts/ecdf";
export { heatmapChart } from "./charts/heatmap";
export type { HeatmapChartOptions } from "./charts/heatmap";
export { histogramChart } from "./charts/histogram";
export type { HistogramChartOptions } from "./charts/histogram";
export { ladderMatrixChart } from "./charts/ladder-matrix";
export type { LadderMatrixChartOptions } from "./charts/ladder-matrix";
export { outcomeChart } from "./charts/outcome";
export type { OutcomeChartOptions } from "./charts/outcome";
export { pmfChart } from "./charts/pmf";
export type { PmfChartOptions } from "./charts/pmf";
export { REPLAY_MAX_STEPS, replayChart } from "./charts/replay";
export type { ReplayChartOptions, ReplayMark, ReplayMessage, ReplayOutage, ReplayRows, ReplayStateLine, ReplayStep } from "./charts/replay";
export { SEQUENCE_FATES, sequenceDiagram, TIMER_KIND } from "./charts/sequence";
export type { SequenceDiagramOptions, SequenceEvent, SequenceFate, SequenceMessage } from "./charts/sequence";
export { sweepChart } from "./charts/sweep";
export type { ClosedFormFunction, SweepChartOptions } from "./charts/sweep";
export { OKABE_ITO } from "./charts/theme";
export { timelineChart } from "./charts/timeline";
export type { TimelineChartOptions } from "./charts/timeline";

// display/: showing and saving charts
export { chartHtml } from "./display/html";
export { compileChart, renderPng, renderSvg } from "./display/render";
export type { CompiledChart, RasterImage, RasterizeOptions } from "./display/render";
export { save } from "./display/save";
export { show } from "./display/show";

// lessons/: each notebook's experiments and exercise checks
export { failureScalingSweep, failureTimelineRows, interFailureGaps } from "./lessons/00-why-distribute";
export type { FailureScalingOptions, FailureScalingRow, FailureTimelineRow, InterFailureGapOptions, InterFailureGaps } from "./lessons/00-why-distribute";
export { shiftedDiff, staleDuplicate } from "./lessons/01-one-client-one-server";
export type { ShiftedDiff, StaleDuplicate } from "./lessons/01-one-client-one-server";
export { clientServerState, paxosState, replicationState, scoreRaceState, twoPhaseState } from "./lessons/replay-states";
export { exploreScoreRace } from "./lessons/02-two-clients-score-race";
export type { ScoreRaceExploreOptions, ScoreRaceMessage } from "./lessons/02-two-clients-score-race";
export { ackDivergenceProbability, distinctStatesRows, divergenceSweep, replicationCostSweep, staggeredDivergenceProbability, uniformDelayWithSd } from "./lessons/03-state-replication";
export type { DivergenceRow, DivergenceSweepOptions, ReplicationCostRow } from "./lessons/03-state-replication";
export { twoPhaseAvailabilitySweep, twoPhaseCommitSweep, twoPhaseContentionSweep, twoPhaseDeadlock, twoPhaseLivelock, widestExecutionGap } from "./lessons/04-two-phase-protocol";
export type { AvailabilityRow, CommitRow, ContentionRow, ContentionSweepOptions, ExecutionGap } from "./lessons/04-two-phase-protocol";
export { corruptionSweep } from "./lessons/01-corruption";
export type { CorruptionRow } from "./lessons/01-corruption";
export { forgottenExecution, serverMemoryRuns } from "./lessons/01-server-memory";
export type { ForgottenExecution, ServerMemoryRow, ServerMemoryRunsOptions } from "./lessons/01-server-memory";
export { coordinatorCrashBlocking, coordinatorCrashOutcomes, coordinatorCrashRuns } from "./lessons/04-three-phase-commit";
export type { CoordinatorCrashOptions, CoordinatorCrashRun } from "./lessons/04-three-phase-commit";
export { findConflictingNaiveTicketRun, naiveTicketConflicts, quorumAvailability, ticketConflictSweep } from "./lessons/05-majority-and-paxos";
export type { NaiveTicketConflictOptions, NaiveTicketConflictRow, QuorumAvailabilityOptions, QuorumAvailabilityRow, TicketConflictRow } from "./lessons/05-majority-and-paxos";
export { duelingProposers, paxosProgressByDown, paxosRuns } from "./lessons/05-paxos-runs";
export type { DuelResult, PaxosProgressRow, PaxosRunRow, PaxosRunsOptions } from "./lessons/05-paxos-runs";
export { executedOverTime, findLeaderCrashRun, forkRows, logCostSweep, logsArePrefixes } from "./lessons/06-replicated-log";
export type { ExecutedRow, ForkRow, LeaderCrashRun, LogCostRow } from "./lessons/06-replicated-log";
export { DUEL_LINKS, perpetualDuel, perpetualDuelRuns } from "./lessons/05-perpetual-duel";
export { ladderFindings } from "./lessons/05-ladder";
export type { LadderFindingRow } from "./lessons/05-ladder";
export type { PerpetualDuelOptions, PerpetualDuelRow, PerpetualDuelRun } from "./lessons/05-perpetual-duel";
export { PARTITION_PROTOCOLS, PARTITION_SCHEDULES, PARTITION_SIDES, partitionFaults, partitionRun } from "./lessons/07-partitions";
export type { PartitionProtocol, PartitionRunOptions, PartitionRunResult, PartitionSchedule, PartitionTiming } from "./lessons/07-partitions";
export { partitionMatrix } from "./lessons/07-partition-matrix";
export type { PartitionMatrixOptions, PartitionMatrixRow } from "./lessons/07-partition-matrix";
export { partitionedNodes } from "./lessons/07-partition-check";
export { nb00CheckBreakReplication, nb00CheckDrivesPerTenMinutes, nb00CheckFailuresPerDay, nb00CheckQuietHour, nb00CheckReplicasForOneMinute, nb00CheckSlowerRepairPrediction } from "./lessons/checks/nb00";
export { nb01CheckAckLossPrediction, nb01CheckBreakDuplicates, nb01CheckDuplicates, nb01CheckGeneralsRounds, nb01CheckSequenceServer, nb01CheckTransmissions } from "./lessons/checks/nb01";
export { nb02CheckBreakZero, nb02CheckJitter, nb02CheckSlowClient, nb02CheckThreeClients, nb02CheckTwoAddsPrediction, nb02CheckZeroWithLoss } from "./lessons/checks/nb02";
export { nb03CheckBreakConstantDelays, nb03CheckFourClients, nb03CheckSerializer, nb03CheckSerializerLatency, nb03CheckServersForNinety, nb03CheckTwoCommandsPrediction } from "./lessons/checks/nb03";
export { nb04CheckBlockedTime, nb04CheckBreakBackoff, nb04CheckCommitProbability, nb04CheckLargestCluster, nb04CheckLockOrder, nb04CheckNoVotePrediction, nb04CheckThreePhaseLockTime } from "./lessons/checks/nb04";
export { nb05CheckAcceptor, nb05CheckBreakMajority, nb05CheckHalfDownPrediction, nb05Exercise1, nb05Exercise2, nb05Exercise3 } from "./lessons/checks/nb05";
export { nb06Exercise1, nb06Exercise2, nb06Exercise3, nb06LearnerCheck } from "./lessons/checks/nb06";
export { ONE_WAY_CHOICES, nb07CheckOneWayPrediction, nb07CheckSmallestQuorum, quorumAgreementUnderSplit } from "./lessons/checks/nb07";
export { checkHandlerExercise } from "./lessons/checks/protocol-exercise";
export type { HandlerExercise, HandlerExerciseResult } from "./lessons/checks/protocol-exercise";
export { afterPrediction, selfCheckByRunning, selfCheckEqual, selfCheckNumber, selfCheckPrediction, selfCheckWith } from "./lessons/checks/verdict";
export type { NumericCheckOptions, PredictionOptions, RunJudgement, Verdict } from "./lessons/checks/verdict";

// check/: the model checker: every reachable state of a model, its properties, shortest paths
export { checkModel } from "./check/check-model";
export type { CheckFigures, CheckModelResult, PropertyResult } from "./check/check-model";
export { checkProtocol } from "./check/check-protocol";
export type { CheckProtocolResult, ProtocolPropertyResult } from "./check/check-protocol";
export { MAX_FAULT_BUDGET } from "./check/protocol-options";
export type { CheckProtocolOptions, FaultBudget, ViewPredicate } from "./check/protocol-options";
export type { HistoryRecord, InFlightMessage, NodeView, ProtocolView } from "./check/protocol-view";
export { fingerprint } from "./check/fingerprint";
export { DEFAULT_MAX_STATES, PROGRESS_EVERY_STATES } from "./check/options";
export type { CheckModelOptions, CheckProgress, ModelModule, PropertyKind, PropertySpec } from "./check/options";
export type { CheckLimit } from "./check/pass";
export type { CheckPath } from "./check/paths";
export { TWO_PHASE_PROPERTIES, twoPhaseActions, twoPhaseInit, twoPhaseModel, twoPhaseNext } from "./check/models/two-phase-tla";
export type { RmState, TwoPhaseAction, TwoPhaseState } from "./check/models/two-phase-tla";
