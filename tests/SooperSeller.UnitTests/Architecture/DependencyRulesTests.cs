using System.Reflection;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Architecture;

public class DependencyRulesTests
{
    [Fact]
    public void Core_ReferencesNoAzureAssembly_EvenTransitively()
    {
        var core = typeof(MerchantId).Assembly;

        var offenders = ReferencedClosure(core)
            .Where(name => name.StartsWith("Azure", StringComparison.Ordinal) || name.StartsWith("Microsoft.Azure", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ReferencedClosure_OfInfrastructure_FindsTheCosmosSdk()
    {
        // Guards the guard: the walk above must be able to see an Azure reference where there is one.
        var infrastructure = typeof(SooperSeller.Infrastructure.Cosmos.TenantStore).Assembly;

        var closure = ReferencedClosure(infrastructure);

        Assert.Contains("Microsoft.Azure.Cosmos.Client", closure);
    }

    private static HashSet<string> ReferencedClosure(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(root.GetReferencedAssemblies());
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name.Name!) || name.Name!.StartsWith("System", StringComparison.Ordinal) || name.Name is "netstandard" or "mscorlib")
            {
                continue;
            }

            // Only walk into the project's own assemblies; framework assemblies reference no Azure code.
            if (name.Name.StartsWith("SooperSeller", StringComparison.Ordinal))
            {
                foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }
}
