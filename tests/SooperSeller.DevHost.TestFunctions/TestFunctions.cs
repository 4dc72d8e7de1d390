using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SooperSeller.Core.Accounts.Authentication;

namespace SooperSeller.DevHost.TestFunctions;

public sealed record EchoRequest(string Text, int Count);

/// <summary>HTTP functions: JSON binding, route values, an unexpected exception.</summary>
public static class HttpTestFunctions
{
    [Function(nameof(Echo))]
    [Anonymous]
    public static async Task<IResult> Echo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "test/echo")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadFromJsonAsync<EchoRequest>(cancellationToken);
        return TypedResults.Ok(body);
    }

    [Function(nameof(GetTestItem))]
    [Anonymous]
    public static IResult GetTestItem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/items/{id:int}")] HttpRequest request, int id) =>
        TypedResults.Ok(new { id });

    [Function(nameof(Explode))]
    [Anonymous]
    public static IResult Explode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/explode")] HttpRequest request) =>
        throw new InvalidOperationException("internal detail: connection string AccountKey=hunter2");

    [Function(nameof(StartGreeting))]
    [Anonymous]
    public static async Task<IResult> StartGreeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "test/greetings/{name}")] HttpRequest request,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), name, cancellationToken);
        var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return TypedResults.Ok(new { output = done.ReadOutputAs<string>() });
    }
}

/// <summary>Queue functions: one that records what it got, one that always fails.</summary>
public sealed class QueueTestFunctions(TestSink sink)
{
    /// <summary>Queue names come from settings (as %Name% references) so that parallel tests each get their own queues.</summary>
    public const string RecordQueue = "%TestRecordQueue%";
    public const string FailingQueue = "%TestFailingQueue%";

    [Function(nameof(OnRecord))]
    public void OnRecord([QueueTrigger(RecordQueue)] EchoRequest message, long dequeueCount)
    {
        sink.Messages.Enqueue($"{message.Text}:{message.Count}");
        sink.DequeueCounts.Enqueue(dequeueCount);
    }

    [Function(nameof(OnAlwaysFails))]
    public void OnAlwaysFails([QueueTrigger(FailingQueue)] string message, long dequeueCount)
    {
        sink.DequeueCounts.Enqueue(dequeueCount);
        throw new InvalidOperationException("this function always fails");
    }
}

/// <summary>A timer function on a one-minute CRON schedule.</summary>
public sealed class TimerTestFunctions(TestSink sink)
{
    [Function(nameof(EveryMinute))]
    public void EveryMinute([TimerTrigger("0 * * * * *")] TimerInfo timer) =>
        sink.Ticks.Enqueue((timer.ScheduleStatus?.Last ?? default, timer.ScheduleStatus?.Next ?? default, timer.IsPastDue));
}

/// <summary>An orchestrator as the architecture writes them (static RunAsync plus a one-line [Function]) and its activity.</summary>
public static class GreetingOrchestrator
{
    public static async Task<string> RunAsync(TaskOrchestrationContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), name);
        return greeting + "!";
    }

    [Function(nameof(GreetingOrchestrator))]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context, context.GetInput<string>()!);
}

public sealed class GreetActivity(TestSink sink)
{
    [Function(nameof(GreetActivity))]
    public string Run([ActivityTrigger] string name)
    {
        sink.Messages.Enqueue("greeted " + name);
        return $"Hello {name}";
    }
}
