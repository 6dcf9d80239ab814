package io.skillbridge.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic demo company: Acme (about 1,500 people in Workday) and Brightline, a recently acquired subsidiary
 * (about 500 people in BambooHR), 150 of whom already have a Workday record too. The same seed and reference date
 * always give the same company, so demo runs, screenshots and tests agree.
 *
 * <p>The data is shaped for what Skillbridge has to show: job families with career ladders (a Customer Support
 * Representative's next step towards Customer Success Manager), an org tree whose managers form a proper reporting
 * line, 15 years of hires, terminations, pre-hires, high-potentials and past moves for mobility and tenure KPIs, and
 * people present in both HRIS under different ids with differently written emails, for identity resolution.
 */
public final class DemoOrgGenerator {

    public static final long DEFAULT_SEED = 20261201L;

    private static final String IC = "Individual Contributor";

    /** A job profile; {@code rank} orders a family's ladder (0 = entry). */
    public record JobProfile(String id, String title, String family, String level, int rank) {
    }

    /** A supervisory organization / department. {@code parentCode} is null for the root. */
    public record OrgUnit(String code, String wid, String name, String parentCode, String family, boolean subsidiary,
                          int managerIndex) {
    }

    /** A past job: [start, end] inclusive, in a role and unit, reporting to a manager (person index, or -1). */
    public record Move(LocalDate start, LocalDate end, String jobProfileId, String orgCode, int managerIndex) {
    }

    /**
     * One person. System ids are null where the person has no record in that system; the emails are as each system
     * writes them (the overlap differs in case and spacing).
     */
    public record Person(int index, String firstName, String lastName, String email, String jobProfileId,
                         String orgCode, int managerIndex, String location, LocalDate hireDate,
                         LocalDate originalHireDate, LocalDate terminationDate, boolean onLeave, boolean highPotential,
                         LocalDate effectiveDate, List<Move> history, OffsetDateTime lastUpdated,
                         String workdayId, String workdayWid, String workdayEmail,
                         String bamboohrId, String bamboohrEmployeeNumber, String bamboohrEmail) {

        public boolean inWorkday() {
            return workdayId != null;
        }

        public boolean inBamboohr() {
            return bamboohrId != null;
        }

        public boolean terminated() {
            return terminationDate != null;
        }

        public String displayName() {
            return firstName + " " + lastName;
        }
    }

    /** The generated company, as of {@code asOf} (pre-hires start after it, terminations are before it). */
    public record DemoOrg(LocalDate asOf, List<JobProfile> jobProfiles, List<OrgUnit> orgUnits, List<Person> people) {

        public JobProfile jobProfile(String id) {
            return jobProfiles.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
        }

        public OrgUnit orgUnit(String code) {
            return orgUnits.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
        }

        /**
         * The person's manager as the given system knows it: the nearest manager up the line who has a record there
         * (Brightline's general manager reports to Acme's CEO, who is not in BambooHR), or -1.
         */
        public int managerIn(int managerIndex, boolean workday) {
            int m = managerIndex;
            while (m >= 0 && !(workday ? people.get(m).inWorkday() : people.get(m).inBamboohr())) {
                m = people.get(m).managerIndex();
            }
            return m;
        }
    }

    private static final String[] FIRST = {"Logan", "Teresa", "Ravi", "Mia", "Amara", "Jordan", "Maya", "Liam", "Sofia",
        "Noah", "Aisha", "Mateo", "Chloe", "Ethan", "Priya", "Lucas", "Hana", "Oliver", "Zara", "Samuel", "Elena",
        "Kofi", "Ingrid", "Diego", "Yuki", "Fatima", "Arjun", "Grace", "Tomasz", "Leila", "Marcus", "Nina", "Omar",
        "Clara", "Jin", "Aoife", "Pedro", "Sara", "Tariq", "Emma", "Kwame", "Lena", "Rafael", "Anya", "Hugo", "Isla",
        "Viktor", "Mei", "Daniel", "Olga", "Felix", "Rosa", "Sanjay", "Freya", "Andre", "Layla", "Ben", "Keiko",
        "Malik", "Julia", "Nikolai", "Ava", "Chidi", "Astrid", "Pablo", "Ines", "Sean", "Lucia", "Ahmed", "Nora"};
    private static final String[] LAST = {"McNeil", "Serrano", "Iyer", "Chen", "Okafor", "Blake", "Patel", "Murphy",
        "Rossi", "Schmidt", "Khan", "Garcia", "Dubois", "Novak", "Tanaka", "Silva", "Andersen", "Kowalski", "Haddad",
        "Nguyen", "Mensah", "Larsen", "Moreno", "Sato", "Rahman", "Walsh", "Fischer", "Costa", "Ivanova", "Osei",
        "Bauer", "Lopez", "Kim", "Byrne", "Ahmed", "Nilsson", "Fernandes", "Park", "Owusu", "Berg", "Romero",
        "Müller", "Singh", "O'Brien", "Jensen", "Duarte", "Yilmaz", "Petrov", "Abbott", "Caldwell", "Adams", "Nair",
        "Ruiz", "Lee", "Brennan", "Weber", "Santos", "Hughes", "Mori", "Eriksen"};

    private final long seed;
    private final LocalDate asOf;

    public DemoOrgGenerator(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
    }

    public DemoOrg generate() {
        return new Build(new Random(seed), asOf).run();
    }

    /** One generation run's working state, so the generator itself stays immutable and reusable. */
    private static final class Build {

        private final Random rnd;
        private final LocalDate asOf;
        private final List<JobProfile> profiles = new ArrayList<>();
        private final Map<String, List<JobProfile>> ladders = new LinkedHashMap<>();
        private final Map<String, JobProfile> managerProfile = new LinkedHashMap<>();
        private final Map<String, JobProfile> directorProfile = new LinkedHashMap<>();
        private final List<OrgUnit> units = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private final Set<String> emails = new HashSet<>();

        Build(Random rnd, LocalDate asOf) {
            this.rnd = rnd;
            this.asOf = asOf;
        }

        DemoOrg run() {
            jobProfiles();
            JobProfile ceo = new JobProfile("JP-EXEC", "Chief Executive Officer", "Operations", "Executive", 9);
            JobProfile gm = new JobProfile("JP-GM", "General Manager", "Operations", "Executive", 8);
            profiles.add(ceo);
            profiles.add(gm);

            OrgUnit root = unit("SUP-ORG-001", "Acme Corp", null, "Operations", false, ceo, -1, "Austin");
            Map<String, List<String>> teams = new LinkedHashMap<>();
            teams.put("Customer Service", List.of("Customer Support EMEA", "Customer Support Americas",
                    "Customer Support APAC", "Customer Success"));
            teams.put("Analytics", List.of("Revenue Analytics", "Product Analytics", "BI Platform"));
            teams.put("Engineering", List.of("Platform Engineering", "Product Engineering", "Mobile Engineering",
                    "Quality Engineering"));
            teams.put("Sales", List.of("Sales EMEA", "Sales Americas", "Sales Development"));
            teams.put("Human Resources", List.of("People Partners", "Talent Acquisition"));
            teams.put("Finance", List.of("Accounting", "FP&A"));
            teams.put("Operations", List.of("Facilities", "IT Operations"));
            int[] teamSizes = {120, 140, 80, 90, 60, 50, 45, 115, 150, 70, 50, 90, 100, 75, 40, 45, 45, 40, 40, 47};
            int t = 0;
            int code = 100;
            for (Map.Entry<String, List<String>> family : teams.entrySet()) {
                OrgUnit division = unit("SUP-ORG-" + (code++), family.getKey(), root.code(), family.getKey(), false,
                        directorProfile.get(family.getKey()), root.managerIndex(), location(family.getKey()));
                for (String team : family.getValue()) {
                    OrgUnit unit = unit("SUP-ORG-" + (code++), team, division.code(), family.getKey(), false,
                            managerProfile.get(family.getKey()), division.managerIndex(), location(team));
                    members(unit, teamSizes[t++]);
                }
            }
            int acme = people.size();

            OrgUnit brightline = unit("SUP-ORG-500", "Brightline", root.code(), "Operations", true, gm,
                    root.managerIndex(), "Lindon, Utah");
            String[][] subsidiary = {{"Brightline Support", "Customer Service", "150"},
                {"Brightline Sales", "Sales", "110"}, {"Brightline Engineering", "Engineering", "120"},
                {"Brightline Operations", "Operations", "65"}, {"Brightline People", "Human Resources", "44"}};
            int bcode = 501;
            for (String[] s : subsidiary) {
                OrgUnit unit = unit("SUP-ORG-" + (bcode++), s[0], brightline.code(), s[1], true,
                        managerProfile.get(s[1]), brightline.managerIndex(), rnd.nextBoolean() ? "Lindon, Utah"
                                : "Denver, Colorado");
                members(unit, Integer.parseInt(s[2]));
            }
            return new DemoOrg(asOf, List.copyOf(profiles), List.copyOf(units), assignSystems(acme));
        }

        private void jobProfiles() {
            ladder("Customer Service", "CS", new String[][]{{"JP-CSR-1", "Customer Support Representative I"},
                {"JP-CSR-2", "Customer Support Representative II"}, {"JP-CSR-3", "Customer Support Representative III"},
                {"JP-CSM-1", "Customer Success Manager"}, {"JP-CSL-1", "Customer Support Team Lead"}},
                    "JP-CSMGR", "Customer Support Manager");
            ladder("Analytics", "AN", new String[][]{{"JP-DA-1", "Data Analyst I"}, {"JP-DA-2", "Data Analyst II"},
                {"JP-BIA-1", "BI Analyst"}, {"JP-BID-1", "BI Developer"}, {"JP-DS-1", "Data Scientist"}},
                    "JP-ANMGR", "Analytics Manager");
            ladder("Engineering", "ENG", new String[][]{{"JP-SE-1", "Software Engineer I"},
                {"JP-SE-2", "Software Engineer II"}, {"JP-QA-1", "QA Engineer"}, {"JP-SE-3", "Senior Software Engineer"},
                {"JP-SE-4", "Staff Software Engineer"}}, "JP-ENGMGR", "Engineering Manager");
            ladder("Sales", "SLS", new String[][]{{"JP-SDR-1", "Sales Development Representative"},
                {"JP-AE-1", "Account Executive"}, {"JP-AE-2", "Senior Account Executive"}}, "JP-SLSMGR", "Sales Manager");
            ladder("Human Resources", "HR", new String[][]{{"JP-HRC-1", "HR Coordinator"}, {"JP-REC-1", "Recruiter"},
                {"JP-HRBP-1", "HR Business Partner"}}, "JP-HRMGR", "HR Manager");
            ladder("Finance", "FIN", new String[][]{{"JP-ACC-1", "Accountant"}, {"JP-FA-1", "Financial Analyst"},
                {"JP-ACC-2", "Senior Accountant"}}, "JP-FINMGR", "Finance Manager");
            ladder("Operations", "OPS", new String[][]{{"JP-OPS-1", "Operations Specialist"},
                {"JP-ITS-1", "IT Support Specialist"}, {"JP-OPS-2", "Senior Operations Specialist"}},
                    "JP-OPSMGR", "Operations Manager");
        }

        private void ladder(String family, String code, String[][] ics, String managerId, String managerTitle) {
            List<JobProfile> ladder = new ArrayList<>();
            for (int i = 0; i < ics.length; i++) {
                ladder.add(new JobProfile(ics[i][0], ics[i][1], family, i == ics.length - 1 && code.equals("CS")
                        ? "Supervisor" : IC, i));
            }
            profiles.addAll(ladder);
            ladders.put(family, ladder);
            JobProfile manager = new JobProfile(managerId, managerTitle, family, "Manager", ics.length);
            JobProfile director = new JobProfile("JP-" + code + "DIR", "Director, " + family, family, "Director",
                    ics.length + 1);
            profiles.add(manager);
            profiles.add(director);
            managerProfile.put(family, manager);
            directorProfile.put(family, director);
        }

        private OrgUnit unit(String code, String name, String parent, String family, boolean subsidiary,
                             JobProfile managerJob, int managersManager, String location) {
            int manager = person(managerJob, code, managersManager, location, true);
            OrgUnit unit = new OrgUnit(code, wid(), name, parent, family, subsidiary, manager);
            units.add(unit);
            return unit;
        }

        private void members(OrgUnit unit, int size) {
            List<JobProfile> ladder = ladders.get(unit.family());
            for (int i = 1; i < size; i++) {
                // Juniors outnumber seniors: rank r is picked with weight (n - r).
                int n = ladder.size();
                int pick = rnd.nextInt(n * (n + 1) / 2);
                int rank = 0;
                for (int w = n; pick >= w; w--) {
                    pick -= w;
                    rank++;
                }
                person(ladder.get(rank), unit.code(), unit.managerIndex(), locationNear(unit), false);
            }
        }

        private int person(JobProfile job, String orgCode, int manager, String location, boolean isManager) {
            int index = people.size();
            String first = FIRST[rnd.nextInt(FIRST.length)];
            String last = LAST[rnd.nextInt(LAST.length)];
            String email = uniqueEmail(first, last);
            // Managers have been around longer; everyone else is hired across 15 years, recent years busier.
            int maxDaysAgo = 15 * 365;
            int daysAgo = isManager ? 1500 + rnd.nextInt(maxDaysAgo - 1500)
                    : (int) (maxDaysAgo * Math.pow(rnd.nextDouble(), 1.6));
            LocalDate hire = asOf.minusDays(daysAgo);
            LocalDate terminated = null;
            boolean preHire = !isManager && rnd.nextInt(100) == 0;
            if (preHire) {
                hire = asOf.plusDays(7 + rnd.nextInt(60));
            } else if (!isManager && daysAgo > 60 && rnd.nextInt(100) < 8) {
                // Somewhere between a month after the hire and yesterday.
                terminated = hire.plusDays(30 + (long) (rnd.nextDouble() * (daysAgo - 31)));
            }
            boolean onLeave = terminated == null && !preHire && rnd.nextInt(100) < 2;
            LocalDate originalHire = !preHire && rnd.nextInt(100) < 4 ? hire.minusYears(2 + rnd.nextInt(5)) : hire;
            List<Move> history = history(job, orgCode, manager, hire, terminated != null ? terminated : asOf);
            LocalDate effective = history.isEmpty() ? hire : history.get(history.size() - 1).end().plusDays(1);
            OffsetDateTime updated = asOf.minusDays(rnd.nextInt(90)).atTime(8 + rnd.nextInt(10), rnd.nextInt(60))
                    .atOffset(ZoneOffset.ofHours(new int[]{-8, -5, 0, 1, 5}[rnd.nextInt(5)]));
            people.add(new Person(index, first, last, email, job.id(), orgCode, manager, location, hire, originalHire,
                    terminated, onLeave, rnd.nextInt(100) < 10, effective, history, updated,
                    null, null, null, null, null, null));
            return index;
        }

        /** 1-4 earlier jobs for people with more than three years of tenure (up to {@code until}), split evenly. */
        private List<Move> history(JobProfile current, String orgCode, int manager, LocalDate hire, LocalDate until) {
            long tenureDays = hire.until(until, java.time.temporal.ChronoUnit.DAYS);
            if (tenureDays < 3 * 365) {
                return List.of();
            }
            int moves = 1 + rnd.nextInt((int) Math.min(4, tenureDays / (3 * 365)));
            long slice = tenureDays / (moves + 1);
            List<JobProfile> ladder = ladders.getOrDefault(current.family(), List.of(current));
            List<Move> rows = new ArrayList<>();
            for (int m = 0; m < moves; m++) {
                LocalDate start = hire.plusDays(slice * m);
                LocalDate end = hire.plusDays(slice * (m + 1) - 1);
                // Earlier jobs sit lower on the ladder; now and then someone came from another family (mobility).
                JobProfile job = rnd.nextInt(6) == 0
                        ? profiles.get(rnd.nextInt(profiles.size()))
                        : ladder.get(Math.max(0, Math.min(ladder.size() - 1, current.rank() - (moves - m))));
                String org = rnd.nextInt(4) == 0 && !units.isEmpty() ? units.get(rnd.nextInt(units.size())).code()
                        : orgCode;
                int orgManager = units.stream().filter(u -> u.code().equals(org)).mapToInt(OrgUnit::managerIndex)
                        .findFirst().orElse(manager);
                rows.add(new Move(start, end, job.id(), org, orgManager));
            }
            return rows;
        }

        private String uniqueEmail(String first, String last) {
            String base = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "").replace("ü", "ue");
            String candidate = base;
            for (int n = 2; !emails.add(candidate); n++) {
                candidate = base + n;
            }
            return candidate + "@acme.example";
        }

        /**
         * Acme people get Workday ids; Brightline people BambooHR ids; Brightline's general manager, its team
         * managers and a random set of others (150 in all) also have a Workday record, written differently.
         */
        private List<Person> assignSystems(int acmeCount) {
            List<Integer> brightline = new ArrayList<>();
            for (int i = acmeCount; i < people.size(); i++) {
                brightline.add(i);
            }
            Set<Integer> overlap = new HashSet<>();
            units.stream().filter(OrgUnit::subsidiary).forEach(u -> overlap.add(u.managerIndex()));
            while (overlap.size() < 150) {
                overlap.add(brightline.get(rnd.nextInt(brightline.size())));
            }
            List<Person> result = new ArrayList<>(people.size());
            int workday = 21000;
            int bamboo = 100;
            for (Person p : people) {
                boolean sub = p.index() >= acmeCount;
                boolean inWorkday = !sub || overlap.contains(p.index());
                String wdEmail = null;
                String bhEmail = null;
                if (inWorkday) {
                    wdEmail = sub ? capitalized(p.email()) : p.email();
                }
                if (sub) {
                    bhEmail = overlap.contains(p.index()) && rnd.nextBoolean() ? " " + p.email().toUpperCase(Locale.ROOT)
                            : p.email();
                }
                result.add(new Person(p.index(), p.firstName(), p.lastName(), p.email(), p.jobProfileId(),
                        p.orgCode(), p.managerIndex(), p.location(), p.hireDate(), p.originalHireDate(),
                        p.terminationDate(), p.onLeave(), p.highPotential(), p.effectiveDate(), p.history(),
                        p.lastUpdated(), inWorkday ? String.valueOf(workday++) : null, inWorkday ? wid() : null,
                        wdEmail, sub ? String.valueOf(bamboo++) : null, sub ? String.valueOf(bamboo - 99) : null,
                        bhEmail));
            }
            return List.copyOf(result);
        }

        /** "maya.patel@acme.example" as Workday's migration wrote it: "Maya.Patel@Acme.example". */
        private static String capitalized(String email) {
            StringBuilder sb = new StringBuilder(email.length());
            boolean up = true;
            for (char c : email.toCharArray()) {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = c == '.' || c == '@';
            }
            return sb.toString().replace(".Example", ".example");
        }

        private String wid() {
            return String.format("%016x%016x", rnd.nextLong(), rnd.nextLong());
        }

        private String location(String name) {
            if (name.contains("EMEA")) {
                return "Dublin";
            }
            if (name.contains("APAC")) {
                return "Pune";
            }
            return name.contains("Americas") ? "Austin" : new String[]{"Austin", "Dublin", "Berlin", "Toronto"}[
                    rnd.nextInt(4)];
        }

        private String locationNear(OrgUnit unit) {
            String base = units.isEmpty() ? "Austin" : people.get(unit.managerIndex()).location();
            if (rnd.nextInt(5) > 0) {
                return base;
            }
            return switch (base) {
                case "Dublin" -> rnd.nextBoolean() ? "London" : "Berlin";
                case "Pune" -> rnd.nextBoolean() ? "Singapore" : "Sydney";
                case "Lindon, Utah", "Denver, Colorado" -> "Remote, US";
                default -> rnd.nextBoolean() ? "New York" : "Toronto";
            };
        }
    }
}
