import NASExperiments
import XCTest

final class SlurmJobTests: XCTestCase {
    func job(_ arguments: [String], environment: [String: String] = [:]) throws -> SlurmJob {
        try SlurmJob(
            binary: "/opt/nas bench/nasbench", arguments: arguments, shards: 3, workingDirectory: "/home/me/project",
            partition: "cpu", time: "01:00:00", cpusPerTask: 4, memory: "8G", environment: environment)
    }

    func testScriptsRunEachShardThenMerge() throws {
        let j = try job(["predictors", "--spec", "it's.yaml", "--out=runs/p"],
                        environment: ["NASBENCH_DATA": "/data", "HOME": "/root", "OPENBLAS_NUM_THREADS": "1"])
        XCTAssertEqual(j.out, "runs/p")
        XCTAssertEqual(j.slurmFolder, "runs/p/slurm")
        let array = j.arrayScript
        for line in ["#SBATCH --array=0-2", "#SBATCH --cpus-per-task=4", "#SBATCH --partition=cpu", "#SBATCH --time=01:00:00",
                     "#SBATCH --mem=8G", "#SBATCH --chdir=/home/me/project", "#SBATCH --output=runs/p/slurm/task-%a.log",
                     "export NASBENCH_DATA=/data", "export OPENBLAS_NUM_THREADS=1",
                     #"exec '/opt/nas bench/nasbench' predictors --spec 'it'\''s.yaml' --out=runs/p --shard "$SLURM_ARRAY_TASK_ID/3" --resume --jobs 4"#] {
            XCTAssertTrue(array.contains(line + "\n"), "\(line) in\n\(array)")
        }
        XCTAssertFalse(array.contains("HOME"), "only the listed variables are passed")
        XCTAssertTrue(j.mergeScript.contains("#SBATCH --kill-on-invalid-dep=yes\n"))
        XCTAssertTrue(j.mergeScript.hasSuffix("exec '/opt/nas bench/nasbench' merge runs/p\n"), j.mergeScript)
        XCTAssertFalse(try job(["rwe", "--out", "r", "--jobs", "1"]).arrayScript.contains("--jobs 4"))
    }

    func testRefusesWhatCannotBeSharded() {
        for arguments in [["moo", "--out", "x"], ["search", "--table", "t"], ["search", "--out", "x", "--resume"], []] {
            XCTAssertThrowsError(try job(arguments)) { XCTAssertTrue("\($0)".count < 200) }
        }
    }
}
