// Post-build hook of this IT (archetype:integration-test): basedir is the IT's folder, the project was
// generated in project/<artifactId>. The checks are in ../verify-generated.groovy.
artifact = 'ledger-sink'
version = '2.1.0-SNAPSHOT'
packagePath = 'com/example/connect/ledger'.replace('/', File.separator)
name = 'Ledger'
type = 'Sink'
root = new File(basedir instanceof File ? basedir : new File(basedir.toString()), "project/$artifact")
return evaluate(new File(root.parentFile.parentFile.parentFile, 'verify-generated.groovy'))
