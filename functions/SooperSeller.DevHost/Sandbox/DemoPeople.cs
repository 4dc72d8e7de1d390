using System.Globalization;
using System.Text;
using SooperSeller.DevHost.Emulators;

namespace SooperSeller.DevHost.Sandbox;

/// <summary>
/// Made-up customers of the demo store: Pakistani names (male and female, family names by region), cities with their
/// province, Shopify province code, postal code and neighbourhoods, and mobile numbers written the ways merchants really
/// receive them, including Urdu digits and a few that cannot be parsed, so the product shows how it copes with them.
/// Nobody here is a real person; emails use the reserved example.com domain.
/// </summary>
internal static class DemoPeople
{
    /// <summary>How a phone number is written on an order; <see cref="Malformed"/> ones cannot be dialled as typed.</summary>
    public enum PhoneFormat
    {
        /// <summary>0300-1234567</summary>
        LocalDashed,

        /// <summary>03001234567</summary>
        Local,

        /// <summary>+92 300 1234567</summary>
        InternationalSpaced,

        /// <summary>923001234567</summary>
        InternationalNoPlus,

        /// <summary>+923001234567 (E.164)</summary>
        E164,

        /// <summary>۰۳۰۰۱۲۳۴۵۶۷ (Extended Arabic-Indic digits, as an Urdu keyboard types them)</summary>
        UrduDigits,

        /// <summary>A digit short, too long, or with a letter O for a zero.</summary>
        Malformed,
    }

    private static readonly (PhoneFormat Item, int Weight)[] PhoneFormats =
    [
        (PhoneFormat.LocalDashed, 34), (PhoneFormat.Local, 26), (PhoneFormat.InternationalSpaced, 13), (PhoneFormat.InternationalNoPlus, 10),
        (PhoneFormat.E164, 7), (PhoneFormat.UrduDigits, 5), (PhoneFormat.Malformed, 5),
    ];

    // Jazz 0300-0309, Zong 0310-0318, Ufone 0330-0336, Telenor 0340-0347.
    private static readonly string[] MobilePrefixes = ["300", "301", "302", "303", "305", "306", "307", "308", "310", "311", "312", "313", "314", "315", "321", "322", "331", "333", "334", "335", "336", "340", "341", "342", "343", "345", "346", "347"];

    private static readonly string[] MaleNames = ["Muhammad", "Ahmed", "Ali", "Hassan", "Usman", "Bilal", "Hamza", "Faisal", "Imran", "Zeeshan", "Asad", "Kamran", "Waqas", "Junaid", "Tariq", "Saad", "Farhan", "Abdullah", "Naveed", "Sajjad", "Ghulam Abbas", "Sher Ali", "Jamal", "Naseer", "Arsalan", "Danish"];

    private static readonly string[] FemaleNames = ["Ayesha", "Fatima", "Zainab", "Maryam", "Sana", "Hira", "Amna", "Rabia", "Sadia", "Mehwish", "Iqra", "Noor", "Khadija", "Bushra", "Saima", "Nida", "Farah", "Anum", "Kiran", "Sidra", "Mahnoor", "Laiba", "Uzma", "Shazia", "Rida", "Areeba"];

    private static readonly string[] CommonFamilyNames = ["Ahmed", "Hussain", "Iqbal", "Raza", "Akhtar", "Mirza", "Siddiqui", "Qureshi", "Sheikh", "Ali"];

    private static readonly string[] PunjabFamilyNames = ["Chaudhry", "Butt", "Malik", "Rana", "Awan", "Bhatti", "Gondal", "Warraich", "Cheema", "Bajwa", "Javed"];

    private static readonly string[] SindhFamilyNames = ["Memon", "Soomro", "Shaikh", "Ansari", "Baig", "Syed", "Abbasi", "Junejo", "Channa", "Khoso"];

    private static readonly string[] KhyberFamilyNames = ["Khan", "Afridi", "Yousafzai", "Khattak", "Durrani", "Shinwari", "Mohmand"];

    private static readonly string[] BalochistanFamilyNames = ["Baloch", "Bugti", "Marri", "Kakar", "Mengal", "Achakzai"];

    /// <summary>Cities with a weight (how often they order), province, Shopify province code, postal code and areas.</summary>
    public static IReadOnlyList<(DemoCity Item, int Weight)> Cities { get; } =
    [
        (new DemoCity("Karachi", "Sindh", "SD", ["75300", "75500", "74200", "75600", "74700"], ["Gulshan-e-Iqbal Block 13-D", "DHA Phase 6", "Clifton Block 5", "North Nazimabad Block H", "PECHS Block 2", "Gulistan-e-Jauhar Block 15", "Malir Cantt", "Nazimabad No. 3"], SindhFamilyNames), 26),
        (new DemoCity("Lahore", "Punjab", "PB", ["54000", "54660", "54700", "54782", "54792"], ["DHA Phase 5", "Gulberg III", "Model Town", "Johar Town", "Iqbal Town", "Bahria Town", "Samanabad", "Wapda Town"], PunjabFamilyNames), 22),
        (new DemoCity("Islamabad", "Islamabad Capital Territory", "IS", ["44000", "44080", "44220"], ["F-7/2", "G-9/3", "I-8/4", "E-11/3", "G-11/1", "Bahria Enclave"], PunjabFamilyNames), 9),
        (new DemoCity("Rawalpindi", "Punjab", "PB", ["46000", "46300"], ["Satellite Town", "Saddar", "Bahria Town Phase 4", "Chaklala Scheme 3", "Westridge"], PunjabFamilyNames), 8),
        (new DemoCity("Faisalabad", "Punjab", "PB", ["38000", "38090"], ["Peoples Colony No. 1", "Madina Town", "Susan Road", "D Ground", "Jinnah Colony"], PunjabFamilyNames), 7),
        (new DemoCity("Multan", "Punjab", "PB", ["60000", "60700"], ["Gulgasht Colony", "Shah Rukn-e-Alam Colony", "Multan Cantt", "Bosan Road"], PunjabFamilyNames), 5),
        (new DemoCity("Peshawar", "Khyber Pakhtunkhwa", "KP", ["25000", "25100"], ["Hayatabad Phase 3", "University Town", "Gulbahar", "Saddar"], KhyberFamilyNames), 6),
        (new DemoCity("Quetta", "Balochistan", "BA", ["87300"], ["Jinnah Town", "Samungli Road", "Satellite Town", "Shahbaz Town"], BalochistanFamilyNames), 3),
        (new DemoCity("Hyderabad", "Sindh", "SD", ["71000", "71500"], ["Latifabad Unit 7", "Qasimabad", "Citizen Colony", "Hirabad"], SindhFamilyNames), 4),
        (new DemoCity("Sialkot", "Punjab", "PB", ["51310"], ["Sialkot Cantt", "Model Town", "Paris Road"], PunjabFamilyNames), 3),
        (new DemoCity("Gujranwala", "Punjab", "PB", ["52250"], ["Satellite Town", "Model Town", "DC Colony"], PunjabFamilyNames), 3),
        (new DemoCity("Bahawalpur", "Punjab", "PB", ["63100"], ["Model Town A", "Satellite Town"], PunjabFamilyNames), 1),
        (new DemoCity("Sukkur", "Sindh", "SD", ["65200"], ["Military Road", "Barrage Colony"], SindhFamilyNames), 1),
        (new DemoCity("Abbottabad", "Khyber Pakhtunkhwa", "KP", ["22010"], ["Jinnahabad", "Mandian"], KhyberFamilyNames), 1),
        (new DemoCity("Mardan", "Khyber Pakhtunkhwa", "KP", ["23200"], ["Sheikh Maltoon Town", "Bank Road"], KhyberFamilyNames), 1),
    ];

    /// <summary>A made-up customer living in a weighted-random city.</summary>
    public static DemoCustomer NewCustomer(DemoRandom random, int index)
    {
        var city = random.PickWeighted(Cities);
        var female = random.Chance(0.6); // most buyers of clothes and cosmetics online are women
        var first = random.Pick(female ? FemaleNames : MaleNames);
        var last = random.Chance(0.7) ? random.Pick(city.FamilyNames) : random.Pick(CommonFamilyNames);
        var format = random.PickWeighted(PhoneFormats);
        var national = random.Pick(MobilePrefixes) + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var email = random.Chance(0.45)
            ? $"{Ascii(first)}.{Ascii(last)}{random.Next(1, 99).ToString(CultureInfo.InvariantCulture)}@example.com"
            : null;
        var address = new SimAddress
        {
            FirstName = first,
            LastName = last,
            Address1 = random.Chance(0.5)
                ? $"House {random.Next(1, 400).ToString(CultureInfo.InvariantCulture)}, Street {random.Next(1, 40).ToString(CultureInfo.InvariantCulture)}"
                : $"Flat {random.Next(1, 20).ToString(CultureInfo.InvariantCulture)}{(char)('A' + random.Next(0, 4))}, Block {random.Next(1, 20).ToString(CultureInfo.InvariantCulture)}",
            Address2 = random.Pick(city.Areas),
            City = city.Name,
            Province = city.Province,
            ProvinceCode = city.ProvinceCode,
            Zip = random.Chance(0.85) ? random.Pick(city.PostalCodes) : null, // postal codes are often left out
            Country = "Pakistan",
            CountryCodeV2 = "PK",
            Phone = Write(national, format, random),
        };
        return new DemoCustomer(index, address, format, format == PhoneFormat.Malformed ? null : "+92" + national, email);
    }

    /// <summary>The national number (e.g. 3001234567) as the customer typed it.</summary>
    public static string Write(string national, PhoneFormat format, DemoRandom random)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(random);
        return format switch
        {
            PhoneFormat.LocalDashed => $"0{national[..3]}-{national[3..]}",
            PhoneFormat.Local => "0" + national,
            PhoneFormat.InternationalSpaced => $"+92 {national[..3]} {national[3..]}",
            PhoneFormat.InternationalNoPlus => "92" + national,
            PhoneFormat.E164 => "+92" + national,
            PhoneFormat.UrduDigits => UrduDigits("0" + national),
            _ => random.Next(0, 3) switch
            {
                0 => $"0{national[..3]}-{national[3..9]}", // a digit short
                1 => "0" + national + random.Next(0, 10).ToString(CultureInfo.InvariantCulture), // a digit too many
                _ => $"0{national[..3]}-{national[3..]}".Replace('0', 'O'), // letter O for zero
            },
        };
    }

    private static string UrduDigits(string digits)
    {
        var builder = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            builder.Append((char)('\u06F0' + (c - '0')));
        }

        return builder.ToString();
    }

    private static string Ascii(string name) =>
        new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
}

/// <summary>A city customers order from; <see cref="FamilyNames"/> are the ones common in its region.</summary>
internal sealed record DemoCity(string Name, string Province, string ProvinceCode, IReadOnlyList<string> PostalCodes, IReadOnlyList<string> Areas, IReadOnlyList<string> FamilyNames);

/// <summary>
/// A made-up customer: the address with the phone as typed, and the number in E.164 for the customer record (Shopify
/// validates a customer's phone, not an address's), null when it cannot be parsed.
/// </summary>
internal sealed record DemoCustomer(int Index, SimAddress Address, DemoPeople.PhoneFormat PhoneFormat, string? E164Phone, string? Email);
